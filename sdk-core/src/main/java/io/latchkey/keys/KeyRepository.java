package io.latchkey.keys;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.store.Port;
import io.latchkey.store.UniqueKey;
import java.util.List;

/**
 * Storage port for the SDK's keys. Keys are only ever added: a key id is one key's, and a generation of a kind
 * is one key's, so that two nodes making the first keys, or rotating, at once cannot both win. Must be called
 * inside a transaction.
 */
@Port(inMemory = InMemoryKeyRepository.class)
public interface KeyRepository {

    /** One key per generation of a kind (and ids are unique too: the key's primary key). */
    UniqueKey<StoredKey> GENERATION = new UniqueKey<>("crypto_key_generation",
            k -> k.kind() + "/" + k.generation(),
            k -> LatchkeyException.of(ErrorCode.DUPLICATE, k.kind() + " key generation " + k.generation()));

    void insert(StoredKey key);

    /** Every key, by kind (by name), the newest generation of each kind first. */
    List<StoredKey> all();
}
