/**
 * Keys that survive a restart: {@link io.latchkey.keys.StoredKeyStore} keeps the SDK's signing and sealing keys
 * in the deployment's store through the {@link io.latchkey.keys.KeyRepository} port, each wrapped under the
 * host's {@link io.latchkey.crypto.MasterKey}, so that every node on one database uses the same keys and
 * rotation adds keys without retiring what older ones made.
 */
package io.latchkey.keys;
