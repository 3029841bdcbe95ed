package io.latchkey.billing;

import java.time.Instant;
import java.util.Optional;

/**
 * The port to the billing system of record (LANBilling, say), at the level of intent: what the sync reads, and
 * what a billing integrator writes to open a resident's intercom service. Reads may throw when the billing cannot
 * be reached (the sync then resumes where it stopped); writes report their outcome as a {@link GatewayResult},
 * and an {@link GatewayResult.Unknown} one is retried with the same idempotency key.
 *
 * <p>Implementations must be thread-safe.
 */
public interface BillingGateway {

    /**
     * A page of a full pass over the accounts, in id order, starting at {@code cursor} (null: from the first).
     * The billing has no reliable feed of changes, so the sync compares each pass with what it stored.
     */
    AccountPage accounts(String cursor, int limit);

    /** One account with what the sync needs of it, if the billing has it. */
    Optional<BillingAccount> account(String accountId);

    /** Makes or updates the subscriber ("абонент") with this external key; its id. */
    GatewayResult upsertSubscriber(String idempotencyKey, String name, String phone, String email);

    /** Opens an agreement ("договор", where the money is) with the subscriber; its id. */
    GatewayResult openAgreement(String idempotencyKey, String subscriberId, String number);

    /** Creates an account on the agreement with a service agent and the intercom tariff, at an address; its id. */
    GatewayResult createAccount(String idempotencyKey, String agreementId, String agentId, String tariffId,
                                String address);

    /** Sets an extra field of an account: the platform login, say. */
    GatewayResult setExtraField(String idempotencyKey, String accountId, String name, String value);

    /** Starts the intercom periodic service on an account from {@code from}; its id. */
    GatewayResult startService(String idempotencyKey, String accountId, Instant from);

    /** Schedules the end of a periodic service. */
    GatewayResult scheduleServiceEnd(String idempotencyKey, String serviceId, Instant at);

    /** Ends a periodic service now. */
    GatewayResult endServiceNow(String idempotencyKey, String serviceId);

    /** Sets what the billing allows an account. */
    GatewayResult setAccessState(String idempotencyKey, String accountId, AccessState state);
}
