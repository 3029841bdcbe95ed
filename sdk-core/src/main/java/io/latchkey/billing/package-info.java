/**
 * Billing accounts (seed 001, LANBilling and the Intersvyaz intercom platform): the billing is the system of
 * record behind a {@link io.latchkey.billing.BillingGateway}; Latchkey keeps the platform profiles (one per
 * login, one address per billing account), decides what each resident may do ({@link io.latchkey.billing.Feature})
 * and syncs them with the billing ({@link io.latchkey.billing.BillingProfiles}).
 */
package io.latchkey.billing;
