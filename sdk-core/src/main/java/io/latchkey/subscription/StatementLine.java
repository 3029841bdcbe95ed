package io.latchkey.subscription;

/**
 * One subscription billable to a reseller in a month.
 *
 * @param subscription the subscription
 * @param hubSerial    its hub's serial
 * @param packageCode  its package's code
 * @param daysActive   the days of the month (in the seller's zone) on which it was ACTIVE or EXPIRES_SOON
 * @param daysInMonth  the days of that month
 */
public record StatementLine(Subscription subscription, String hubSerial, String packageCode, int daysActive,
                            int daysInMonth) {
}
