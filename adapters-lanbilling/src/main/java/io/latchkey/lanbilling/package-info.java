/**
 * The billing port of sdk-core over LANBilling's SOAP API "api3": {@link io.latchkey.lanbilling.LanBillingGateway},
 * with the JDK's HTTP client and XML APIs only.
 */
package io.latchkey.lanbilling;
