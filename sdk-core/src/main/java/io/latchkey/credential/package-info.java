/**
 * Credential pools (PW-ID RT reusable mobile identifiers): partners order pool capacity
 * ({@link io.latchkey.credential.PoolOrder}), issue {@link io.latchkey.credential.Credential}s to
 * {@link io.latchkey.credential.Client}s for a window, phones exchange single-use links for signed
 * {@link io.latchkey.credential.CredentialDocument}s, and credentials return to the pool when their window ends
 * or they are revoked. The lifecycles are the tables of {@link io.latchkey.credential.CredentialLifecycle};
 * {@link io.latchkey.credential.CredentialService} holds the commands.
 *
 * <p>Depends on the kernel packages (access, crypto, lifecycle, notify, party, store, time, internal).
 */
package io.latchkey.credential;
