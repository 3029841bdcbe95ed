/**
 * Cryptography and randomness: injected {@link io.latchkey.crypto.RandomSource}, time-ordered ids, Ed25519
 * signatures with key ids and domain separation ({@link io.latchkey.crypto.Signatures}), the
 * {@link io.latchkey.crypto.KeyStore} port, authenticated encryption of secrets at rest
 * ({@link io.latchkey.crypto.Sealer}), and Argon2id password hashes in PHC strings
 * ({@link io.latchkey.crypto.PasswordHasher}).
 *
 * <p>Depends on the JDK and Bouncy Castle only; no other package of the SDK.
 */
package io.latchkey.crypto;
