/**
 * Cryptography and randomness: injected {@link io.latchkey.crypto.RandomSource}, time-ordered ids, Ed25519
 * signatures with key ids and domain separation ({@link io.latchkey.crypto.Signatures}), the
 * {@link io.latchkey.crypto.KeyStore} port, and authenticated encryption of secrets at rest
 * ({@link io.latchkey.crypto.Sealer}).
 *
 * <p>Depends on the JDK and Bouncy Castle only; no other package of the SDK.
 */
package io.latchkey.crypto;
