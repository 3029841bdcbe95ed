package io.latchkey.license;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.OrgId;
import io.latchkey.store.InMemoryStore;
import io.latchkey.store.InMemoryStore.Table;
import io.latchkey.store.InMemoryStore.Unique;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** {@link LicenseStore} in an {@link InMemoryStore}. */
final class InMemoryLicenseStore implements LicenseStore {

    private final Table<LicenseId, License> licenses;
    private final Unique<String, LicenseId, License> codeHashes;
    private final Table<DocumentId, Document> documents;
    private final AtomicLong documentNumbers = new AtomicLong();
    private final Table<ActivationId, Activation> activations;
    private final Unique<LicenseId, ActivationId, Activation> active;

    InMemoryLicenseStore(InMemoryStore store) {
        licenses = store.table(License::id, License::version);
        codeHashes = licenses.unique(License::codeHash, l -> LatchkeyException.of(ErrorCode.DUPLICATE, "license code"));
        documents = store.table(Document::id, null);
        activations = store.table(Activation::id, Activation::version);
        active = activations.unique(Activation::activeLicense,
                a -> LatchkeyException.of(ErrorCode.LICENSE_ALREADY_ACTIVATED));
    }

    private final LicenseRepository licenseRepository = new LicenseRepository() {
        @Override
        public void insert(License l) {
            licenses.insert(l);
        }

        @Override
        public License update(License l) {
            return licenses.update(l, l::withVersion);
        }

        @Override
        public Optional<License> find(LicenseId id) {
            return licenses.find(id);
        }

        @Override
        public Optional<License> findByHash(List<String> hashes) {
            return hashes.stream().map(codeHashes::find).flatMap(Optional::stream).findFirst();
        }

        @Override
        public List<License> heldBy(OrgId holder, Set<LicenseState> states, LicenseId after, int limit) {
            return licenses.rows().filter(l -> l.holder().equals(holder))
                    .filter(l -> states == null || states.contains(l.state()))
                    .filter(l -> after == null || l.id().value().compareTo(after.value()) > 0)
                    .sorted(Comparator.comparing(l -> l.id().value())).limit(limit).toList();
        }
    };

    private final DocumentRepository documentRepository = new DocumentRepository() {
        @Override
        public void insert(Document d) {
            documents.insert(d);
        }

        @Override
        public Optional<Document> find(DocumentId id) {
            return documents.find(id);
        }

        @Override
        public long nextNumber() {
            return documentNumbers.incrementAndGet();
        }

        @Override
        public List<Document> search(DocumentSearch q) {
            return documents.rows()
                    .filter(d -> q.party() == null || d.seller().equals(q.party()) || q.party().equals(d.buyer()))
                    .filter(d -> q.seller() == null || d.seller().equals(q.seller()))
                    .filter(d -> q.buyer() == null || q.buyer().equals(d.buyer()))
                    .filter(d -> q.author() == null || d.author().equals(q.author()))
                    .filter(d -> q.from() == null || !d.postedAt().isBefore(q.from()))
                    .filter(d -> q.to() == null || d.postedAt().isBefore(q.to()))
                    .filter(d -> q.type() == null || d.type() == q.type())
                    .filter(d -> q.before() == null || d.number() < q.before())
                    .sorted(Comparator.comparingLong(Document::number).reversed()).limit(q.limit()).toList();
        }

        @Override
        public List<Document> of(LicenseId license) {
            return documents.rows().filter(d -> d.licenses().contains(license))
                    .sorted(Comparator.comparingLong(Document::number)).toList();
        }
    };

    private final ActivationRepository activationRepository = new ActivationRepository() {
        @Override
        public void insert(Activation a) {
            activations.insert(a);
        }

        @Override
        public Activation update(Activation a) {
            return activations.update(a, a::withVersion);
        }

        @Override
        public Optional<Activation> active(LicenseId license) {
            return active.find(license);
        }
    };

    @Override
    public LicenseRepository licenses() {
        return licenseRepository;
    }

    @Override
    public DocumentRepository documents() {
        return documentRepository;
    }

    @Override
    public ActivationRepository activations() {
        return activationRepository;
    }
}
