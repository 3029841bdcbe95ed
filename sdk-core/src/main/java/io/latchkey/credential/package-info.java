/**
 * Credential pools (PW-ID RT reusable mobile identifiers): partners order pool capacity
 * ({@link io.latchkey.credential.PoolOrder}), issue {@link io.latchkey.credential.Credential}s to
 * {@link io.latchkey.credential.Client}s for a window, phones exchange single-use links for signed
 * {@link io.latchkey.credential.CredentialDocument}s, and credentials return to the pool when their window ends
 * or they are revoked. The lifecycles are the tables of {@link io.latchkey.credential.CredentialLifecycle}; the
 * services are {@link io.latchkey.credential.PoolOrders}, {@link io.latchkey.credential.Clients},
 * {@link io.latchkey.credential.Issuing}, {@link io.latchkey.credential.Provisioning} and
 * {@link io.latchkey.credential.Credentials}; the area's storage port is
 * {@link io.latchkey.credential.CredentialStore}.
 *
 * <p>Depends on the kernel packages (access, crypto, lifecycle, notify, party, store, time, internal).
 */
package io.latchkey.credential;
