package io.latchkey.credential;

import io.latchkey.Latchkey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.latchkey.LatchkeyException;
import io.latchkey.store.InMemoryStore;
import io.latchkey.testkit.Fixture;
import io.latchkey.testkit.NamedStep;
import io.latchkey.testkit.Fixture.Partner;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.stateful.Sequential;

/**
 * A stateful model check of a credential pool: random sequences of order / complete / issue / provision /
 * resend / revoke / clock advance / scheduler runs, compared after every step with a model that knows only
 * windows and the clock. Along the way it asserts the pool's invariants: every minted credential is in exactly
 * one state, the counts add up to what was minted, effective states follow the windows, no label is live for
 * two issuances, and the scheduler's stored states agree with the derived ones.
 */
class CredentialPoolModelTest {

    private static final long COOLDOWN = 3600;
    private static final int CLIENTS = 3;

    /** What the pool should look like: windows and the clock only. Seconds are counted from the start. */
    record Model(long now, int minted, List<Integer> pending, List<Issued> issued, Counts counts) {
        static Model initial() {
            return new Model(0, 0, List.of(), List.of(), new Counts(0, 0, 0, 0));
        }

        Model with(long newNow, int newMinted, List<Integer> newPending, List<Issued> newIssued) {
            return new Model(newNow, newMinted, List.copyOf(newPending), List.copyOf(newIssued),
                    Counts.of(newNow, newMinted, newIssued));
        }

        Model update(int index, UnaryOperator<Issued> change) {
            List<Issued> next = new ArrayList<>(issued);
            next.set(index, change.apply(issued.get(index)));
            return with(now, minted, pending, next);
        }

        /** The model after {@code change} to the picked issuance, if that one still holds a live credential. */
        Model updateLive(int pick, UnaryOperator<Issued> change) {
            if (issued.isEmpty() || !issued.get(pick % issued.size()).live(now)) {
                return this;
            }
            return update(pick % issued.size(), change);
        }

        long free() {
            return minted - issued.stream().filter(i -> i.current(now)).count();
        }
    }

    /**
     * One issuance in the model. {@code linkUsed} is whether the link last sent was exchanged; it is only
     * meaningful while the issuance holds its credential, and null after.
     */
    record Issued(int seq, int client, long from, long to, Long provisionedAt, Long revokedAt, Boolean linkUsed) {
        long freeAt() {
            return (revokedAt != null ? revokedAt : to) + COOLDOWN;
        }

        boolean current(long now) {
            return now < freeAt();
        }

        CredentialState status(long now) {
            if (revokedAt != null || now >= to) {
                return CredentialState.DEACTIVATED;
            }
            return provisionedAt != null && now >= from ? CredentialState.ACTIVATED : CredentialState.NEW;
        }

        boolean live(long now) {
            return current(now) && status(now) != CredentialState.DEACTIVATED;
        }

        Issued normalized(long now) {
            return current(now) ? this : new Issued(seq, client, from, to, provisionedAt, revokedAt, null);
        }
    }

    record Counts(long free, long issued, long active, long deactivated) {
        static Counts of(long now, int minted, List<Issued> issued) {
            long newCount = issued.stream().filter(i -> i.current(now) && i.status(now) == CredentialState.NEW).count();
            long active = issued.stream().filter(i -> i.current(now) && i.status(now) == CredentialState.ACTIVATED)
                    .count();
            long deactivated = issued.stream()
                    .filter(i -> i.current(now) && i.status(now) == CredentialState.DEACTIVATED).count();
            return new Counts(minted - newCount - active - deactivated, newCount, active, deactivated);
        }
    }

    /** The system under test: a Latchkey with one partner and three clients, and the links it sent. */
    static final class Pool {
        final Fixture fx = new Fixture(InMemoryStore.create(), Duration.ofSeconds(COOLDOWN));
        final Latchkey sdk = fx.latchkey;
        final Partner partner = fx.partner();
        final List<Client> clients = new ArrayList<>();
        final List<Label> labels = new ArrayList<>();
        final List<String> tokens = new ArrayList<>();
        final Instant start = fx.clock.instant();

        Pool() {
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(fx.client(partner, "client" + i + "@example.test"));
            }
        }

        long seconds(Instant instant) {
            return Duration.between(start, instant).getSeconds();
        }

        Instant at(long seconds) {
            return start.plusSeconds(seconds);
        }

        String token(Label label) {
            URI link = sdk.issuing().provisioningLink(partner.manager(), label);
            String query = link.getRawQuery();
            return URLDecoder.decode(query.substring("token=".length()), StandardCharsets.UTF_8);
        }

        /**
         * Runs {@code action} on the label of issuance {@code index} if that issuance still holds it: an older
         * issuance's label may have gone back to the pool and out again.
         */
        void onCurrent(int index, java.util.function.Consumer<Label> action) {
            attempt(() -> {
                Label label = labels.get(index);
                CredentialView view = sdk.credentials().credential(partner.manager(), label);
                if (view.issuance().map(i -> i.description().equals("#" + index)).orElse(false)) {
                    action.accept(label);
                }
            });
        }

        /** Runs a command that the pool may refuse; a refusal must be a typed one and is otherwise ignored. */
        void attempt(Runnable command) {
            try {
                command.run();
            } catch (LatchkeyException refused) {
                // The model decides whether the command should have worked; comparing states catches a mismatch.
            }
        }
    }

    /** Observes the pool as a model, asserting the invariants on the way. */
    static Model observe(Pool pool) {
        Instant now = pool.fx.clock.instant();
        long nowSeconds = pool.seconds(now);
        List<Credential> all = pool.fx.store.inTransaction(
                () -> pool.fx.credentialStore().credentials().byPartner(pool.partner.id()));
        Map<CredentialId, Credential> byId = new HashMap<>();
        all.forEach(c -> byId.put(c.id(), c));

        List<Integer> pending = new ArrayList<>();
        for (PoolOrder order : pool.sdk.poolOrders().orders(pool.partner.manager(), null, 1000)) {
            if (order.status() == PoolOrderStatus.NEW) {
                pending.add(order.size());
            }
        }
        Collections.reverse(pending);

        List<IssuanceView> views = new ArrayList<>(
                pool.sdk.credentials().issuances(pool.partner.manager(), null, null, null, null, 1000));
        Collections.reverse(views);
        List<Issued> issued = new ArrayList<>();
        Map<Label, Integer> liveByLabel = new HashMap<>();
        for (IssuanceView view : views) {
            Issuance i = view.issuance();
            Credential credential = byId.get(i.credentialId());
            boolean current = i.id().equals(credential.issuanceId())
                    && credential.effectiveState(now) != CredentialState.FREE;
            if (current) {
                liveByLabel.merge(i.label(), 1, Integer::sum);
            }
            Long revokedAt = i.endReason() == EndReason.REVOKED ? pool.seconds(i.endedAt()) : null;
            issued.add(new Issued(Integer.parseInt(i.description().substring(1)),
                    pool.clients.indexOf(pool.sdk.clients().client(pool.partner.manager(), i.clientId())),
                    pool.seconds(i.validFrom()), pool.seconds(i.validTo()),
                    i.provisionedAt() == null ? null : pool.seconds(i.provisionedAt()), revokedAt,
                    current ? credential.usedGeneration() == credential.generation() : null));
            assertEquals(view.status(), i.status(now));
        }
        liveByLabel.forEach((label, count) -> assertEquals(1, count, label + " is held by two issuances"));

        PoolSummary summary = pool.sdk.credentials().pool(pool.partner.manager(), null);
        assertEquals(all.size(), summary.capacity() + summary.expired(), "every credential is in exactly one state");
        Counts counts = new Counts(summary.free(), summary.issued(), summary.active(), summary.deactivated());
        return new Model(nowSeconds, all.size(), pending, issued, counts);
    }

    /** A step of the sequence: what it does to the system, and what it should do to the model. */
    abstract static class Step extends NamedStep<Pool, Model> {
        Step(String name) {
            super(name);
        }
    }

    static Step order(int size) {
        return new Step("order " + size) {
            public void run(Pool p) {
                p.sdk.poolOrders().placeOrder(p.partner.manager(), size, PoolTerm.UNLIMITED, null);
            }

            public Model nextState(Model m) {
                List<Integer> pending = new ArrayList<>(m.pending());
                pending.add(size);
                return m.with(m.now(), m.minted(), pending, m.issued());
            }
        };
    }

    static Step complete() {
        return new Step("complete") {
            public void run(Pool p) {
                List<PoolOrder> orders = new ArrayList<>(p.sdk.poolOrders().orders(p.partner.manager(), null, 1000));
                Collections.reverse(orders);
                orders.stream().filter(o -> o.status() == PoolOrderStatus.NEW).findFirst()
                        .ifPresent(o -> p.sdk.poolOrders().completeOrder(p.fx.operatorAdmin, o.id()));
            }

            public Model nextState(Model m) {
                if (m.pending().isEmpty()) {
                    return m;
                }
                List<Integer> pending = new ArrayList<>(m.pending());
                int size = pending.remove(0);
                return m.with(m.now(), m.minted() + size, pending, m.issued());
            }
        };
    }

    static Step issue(int client, int leadMinutes, int lengthMinutes) {
        return new Step("issue to " + client + " in " + leadMinutes + " min for " + lengthMinutes + " min") {
            public void run(Pool p) {
                Instant now = p.fx.clock.instant();
                Instant from = now.plusSeconds(leadMinutes * 60L);
                p.attempt(() -> {
                    IssuanceView view = p.sdk.issuing().issue(p.partner.manager(),
                            new IssueRequest(p.clients.get(client).id(),
                            from, from.plusSeconds(lengthMinutes * 60L), "#" + p.labels.size()), null);
                    p.labels.add(view.issuance().label());
                    p.tokens.add(p.token(view.issuance().label()));
                });
            }

            public Model nextState(Model m) {
                long from = m.now() + leadMinutes * 60L;
                long to = from + lengthMinutes * 60L;
                if (to <= m.now() || m.free() == 0) {
                    return m;
                }
                List<Issued> issued = new ArrayList<>(m.issued());
                issued.add(new Issued(issued.size(), client, from, to, null, null, false));
                return m.with(m.now(), m.minted(), m.pending(), issued);
            }
        };
    }

    static Step provision(int pick) {
        return new Step("provision #" + pick) {
            public void run(Pool p) {
                if (!p.tokens.isEmpty()) {
                    p.attempt(() -> p.sdk.provisioning().provision(p.tokens.get(pick % p.tokens.size()), "phone"));
                }
            }

            public Model nextState(Model m) {
                if (m.issued().isEmpty()) {
                    return m;
                }
                int index = pick % m.issued().size();
                Issued i = m.issued().get(index);
                if (!i.live(m.now()) || Boolean.TRUE.equals(i.linkUsed())) {
                    return m;
                }
                return m.update(index, x -> new Issued(x.seq(), x.client(), x.from(), x.to(),
                        x.provisionedAt() != null ? x.provisionedAt() : m.now(), x.revokedAt(), true));
            }
        };
    }

    static Step resend(int pick) {
        return new Step("resend #" + pick) {
            public void run(Pool p) {
                if (!p.labels.isEmpty()) {
                    int index = pick % p.labels.size();
                    p.onCurrent(index, label -> {
                        p.sdk.issuing().resend(p.partner.manager(), label);
                        p.tokens.set(index, p.token(label));
                    });
                }
            }

            public Model nextState(Model m) {
                return m.updateLive(pick, x -> new Issued(x.seq(), x.client(), x.from(), x.to(), x.provisionedAt(),
                        x.revokedAt(), false));
            }
        };
    }

    static Step revoke(int pick) {
        return new Step("revoke #" + pick) {
            public void run(Pool p) {
                if (!p.labels.isEmpty()) {
                    p.onCurrent(pick % p.labels.size(), label -> p.sdk.issuing().revoke(p.partner.manager(), label,
                            null));
                }
            }

            public Model nextState(Model m) {
                return m.updateLive(pick, x -> new Issued(x.seq(), x.client(), x.from(), x.to(), x.provisionedAt(),
                        m.now(), x.linkUsed()));
            }
        };
    }

    static Step advance(int minutes) {
        return new Step("advance " + minutes + " min") {
            public void run(Pool p) {
                p.fx.clock.advance(Duration.ofMinutes(minutes));
            }

            public Model nextState(Model m) {
                long now = m.now() + minutes * 60L;
                return m.with(now, m.minted(), m.pending(), m.issued().stream().map(i -> i.normalized(now)).toList());
            }
        };
    }

    static Step runScheduler() {
        return new Step("run the scheduler") {
            public void run(Pool p) {
                p.fx.runDueWork();
                Instant now = p.fx.clock.instant();
                p.fx.store.inTransaction(() -> p.fx.credentialStore().credentials()
                        .byPartner(p.partner.id()).forEach(c -> assertEquals(c.effectiveState(now), c.state(),
                                "the scheduler persists what reads derive: " + c.label())));
            }

            public Model nextState(Model m) {
                return m;
            }
        };
    }

    static Gen<Step> steps() {
        return integers().between(0, 9).zip(integers().between(0, 40), integers().between(-60, 240),
                integers().between(1, 600), (kind, a, b, c) -> switch (kind) {
                    case 0 -> order(1 + a % 3);
                    case 1 -> complete();
                    case 2, 3 -> issue(a % CLIENTS, b, c);
                    case 4 -> provision(a);
                    case 5 -> resend(a);
                    case 6 -> revoke(a);
                    case 7, 8 -> advance(c);
                    default -> runScheduler();
                });
    }

    @Test
    void randomSequencesKeepThePoolsInvariants() {
        qt().withExamples(150).forAll(lists().of(steps()).ofSizeBetween(1, 40)).checkAssert(steps ->
                Sequential.modelCheck(Model.initial(), steps, model -> new Pool(), CredentialPoolModelTest::observe));
    }
}
