/**
 * Service packages and subscriptions (Ajax): the operator's catalog of
 * {@link io.latchkey.subscription.ServicePackage}s, {@link io.latchkey.subscription.Hub}s at sellers' sites,
 * {@link io.latchkey.subscription.Subscription}s invoiced to a reseller that run to the end of the month in the
 * seller's zone once deactivated, and monthly statements.
 * The services are {@link io.latchkey.subscription.Catalog}, {@link io.latchkey.subscription.Hubs},
 * {@link io.latchkey.subscription.Subscriptions} and {@link io.latchkey.subscription.Statements}; the area's
 * storage port is {@link io.latchkey.subscription.SubscriptionStore}.
 *
 * <p>Depends on the kernel packages (access, lifecycle, notify, party, store, time, internal).
 */
package io.latchkey.subscription;
