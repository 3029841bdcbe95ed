/**
 * Service packages and subscriptions (Ajax): the operator's catalog of {@link io.latchkey.subscription.ServicePackage}s,
 * {@link io.latchkey.subscription.Hub}s at sellers' sites, {@link io.latchkey.subscription.Subscription}s invoiced
 * to a reseller that run to the end of the month in the seller's zone once deactivated, and monthly statements.
 * {@link io.latchkey.subscription.SubscriptionService} holds the commands.
 *
 * <p>Depends on the kernel packages (access, lifecycle, notify, party, store, time, internal).
 */
package io.latchkey.subscription;
