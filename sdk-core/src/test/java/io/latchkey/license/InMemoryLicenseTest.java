package io.latchkey.license;

import io.latchkey.store.InMemoryStore;
import io.latchkey.store.Store;

/** The license scenarios on the in-memory store. */
class InMemoryLicenseTest extends LicenseContractTest {

    @Override
    protected Store newStore() {
        return InMemoryStore.create();
    }
}
