package io.latchkey.license;

import io.latchkey.access.OrgId;
import io.latchkey.store.InMemoryStore;
import io.latchkey.store.InMemoryStore.Index;
import io.latchkey.store.InMemoryStore.Table;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** {@link LicenseStore} in an {@link InMemoryStore}. */
final class InMemoryLicenseStore implements LicenseStore {

    private final Licenses licenses;
    private final Documents documents;
    private final Activations activations;

    InMemoryLicenseStore(InMemoryStore store) {
        licenses = new Licenses(store);
        documents = new Documents(store);
        activations = new Activations(store);
    }

    private static final class Licenses extends Table<LicenseId, License> implements LicenseRepository {
        private final Index<String, LicenseId, License> codes;

        Licenses(InMemoryStore store) {
            super(store, License::id, License::version, License::withVersion);
            codes = unique(CODE);
        }

        @Override
        public Optional<License> findByHash(List<String> hashes) {
            return hashes.stream().map(codes::find).flatMap(Optional::stream).findFirst();
        }

        @Override
        public List<License> heldBy(OrgId holder, Set<LicenseState> states, LicenseId after, int limit) {
            return rows().filter(l -> l.holder().equals(holder))
                    .filter(l -> states == null || states.contains(l.state()))
                    .filter(l -> after == null || l.id().value().compareTo(after.value()) > 0)
                    .sorted(Comparator.comparing(l -> l.id().value())).limit(limit).toList();
        }

        @Override
        public int countHeldBy(OrgId holder) {
            return (int) rows().filter(l -> l.holder().equals(holder)).count();
        }
    }

    private static final class Documents extends Table<DocumentId, Document> implements DocumentRepository {
        private final AtomicLong numbers = new AtomicLong();

        Documents(InMemoryStore store) {
            super(store, Document::id);
        }

        @Override
        public long nextNumber() {
            return numbers.incrementAndGet();
        }

        @Override
        public List<Document> search(DocumentSearch q) {
            return rows()
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
            return rows().filter(d -> d.licenses().contains(license))
                    .sorted(Comparator.comparingLong(Document::number)).toList();
        }
    }

    private static final class Activations extends Table<ActivationId, Activation> implements ActivationRepository {
        private final Index<LicenseId, ActivationId, Activation> active;

        Activations(InMemoryStore store) {
            super(store, Activation::id, Activation::version, Activation::withVersion);
            active = unique(ONE_ACTIVE);
        }

        @Override
        public Optional<Activation> active(LicenseId license) {
            return active.find(license);
        }

        @Override
        public List<Activation> releasedSince(Instant since) {
            return rows().filter(a -> a.deactivatedAt() != null && !a.deactivatedAt().isBefore(since))
                    .sorted(Comparator.comparing(Activation::deactivatedAt).thenComparing(a -> a.id().value()))
                    .toList();
        }
    }

    @Override
    public LicenseRepository licenses() {
        return licenses;
    }

    @Override
    public DocumentRepository documents() {
        return documents;
    }

    @Override
    public ActivationRepository activations() {
        return activations;
    }
}
