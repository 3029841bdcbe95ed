package io.latchkey.limits;

import io.latchkey.store.InMemoryStore;
import io.latchkey.store.InMemoryStore.Table;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@link AttemptRepository} in an {@link InMemoryStore}, whose one lock already keeps counters apart. */
final class InMemoryAttemptRepository extends Table<String, AttemptCounter> implements AttemptRepository {

    InMemoryAttemptRepository(InMemoryStore store) {
        super(store, AttemptCounter::key, AttemptCounter::version, (c, v) -> new AttemptCounter(c.key(),
                c.attempts(), c.startedAt(), c.endsAt(), c.strikes(), v));
        unique(KEY);
    }

    @Override
    public void insert(AttemptCounter counter) {
        if (find(counter.key()).isPresent()) {
            throw KEY.refusal().apply(counter);
        }
        super.insert(counter);
    }

    @Override
    public Optional<AttemptCounter> lock(String key) {
        return find(key);
    }

    @Override
    public int deleteEndedBefore(Instant cutoff, int limit) {
        List<String> ended = rows().filter(c -> c.endsAt().isBefore(cutoff))
                .sorted(Comparator.comparing(AttemptCounter::endsAt)).limit(limit).map(AttemptCounter::key).toList();
        ended.forEach(this::delete);
        return ended.size();
    }
}
