package io.latchkey.license;

import io.latchkey.store.Port;

/**
 * The storage port of licenses: licenses, the documents that move them, and their activations. Every
 * repository must be used inside {@link io.latchkey.store.Transactions#inTransaction}.
 */
@Port(inMemory = InMemoryLicenseStore.class)
public interface LicenseStore {

    LicenseRepository licenses();

    DocumentRepository documents();

    ActivationRepository activations();
}
