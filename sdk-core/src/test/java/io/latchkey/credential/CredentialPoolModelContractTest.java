package io.latchkey.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.latchkey.Latchkey;
import io.latchkey.access.Actor;
import io.latchkey.store.Store;
import io.latchkey.testkit.Fixture;
import io.latchkey.testkit.Fixture.Partner;
import io.latchkey.testkit.NamedStep;
import io.latchkey.testkit.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.stateful.Sequential;

/**
 * A stateful model check of credential pools, run on every store: random sequences of orders (every term,
 * sizes in and out of range), decisions (by the dealer, by the partner itself, by another partner), issues
 * (windows in the past, empty, longer than the capacity, to another partner's client), provisioning with fresh,
 * stale and used links, re-sends and revocations (also of labels that went back to the pool), clock advances of
 * minutes and of months, and scheduler runs, for two partners. A model that knows only orders, windows and the
 * clock predicts, before each step, its outcome (done, or refused with which code) and what the pools look
 * like after it; after every step the system must show exactly that.
 */
public abstract class CredentialPoolModelContractTest {

    private static final long COOLDOWN = 3600;
    /** Clients 0 and 1 are the first partner's, 2 and 3 the second's. */
    private static final int CLIENTS = 4;
    private static final Instant START = Instant.parse(Fixture.START);

    /** A new, empty store of the implementation under test. */
    protected abstract Store newStore();

    /** How many random sequences to try: each makes a store of its own. */
    protected int examples() {
        return 200;
    }

    @Test
    public void randomSequencesBehaveAsTheModelSays() {
        qt().withExamples(examples()).forAll(lists().of(steps()).ofSizeBetween(1, 30)).checkAssert(steps -> {
            try (Pools pools = new Pools(newStore())) {
                Sequential.modelCheck(Model.initial(), steps, model -> pools, Pools::seen);
            }
        });
    }

    // --- the model -------------------------------------------------------------------------------------------

    record Order(int partner, int size, PoolTerm term, Long validUntil, PoolOrderStatus status) {
    }

    /** A credential; {@code holder} is the issuance that holds it, -1 while it is in the pool. */
    record Cred(int partner, Long capacity, long freeAt, int holder, int generation, int usedGeneration) {
    }

    record Iss(int partner, int client, long from, long to, Long provisionedAt, Long revokedAt, int cred) {
    }

    /** A provisioning link the client got: for an issuance, of a generation of its credential. */
    record Token(int issuance, int generation) {
    }

    /** What can be seen of an issuance. */
    record SeenIssuance(int partner, int client, CredentialState status, boolean provisioned, Long revokedAt) {
    }

    /** What can be seen of a partner's pool. */
    record SeenPool(int free, int issued, int active, int deactivated, int expired) {
    }

    /** What can be seen: compared after every step. */
    record View(long now, List<Order> orders, List<SeenIssuance> issuances, List<SeenPool> pools, int links,
                String outcome) {
    }

    /** The pools as the model has them; equal to another model when what can be seen of them is equal. */
    static final class Model {
        final long now;
        final List<Order> orders;
        final List<Cred> creds;
        final List<Iss> issuances;
        final List<Token> tokens;
        final String outcome;
        private final View seen;

        Model(long now, List<Order> orders, List<Cred> creds, List<Iss> issuances, List<Token> tokens,
              String outcome) {
            this.now = now;
            this.orders = List.copyOf(orders);
            this.creds = List.copyOf(creds);
            this.issuances = List.copyOf(issuances);
            this.tokens = List.copyOf(tokens);
            this.outcome = outcome;
            this.seen = null;
        }

        private Model(View seen) {
            this.now = seen.now();
            this.orders = seen.orders();
            this.creds = List.of();
            this.issuances = List.of();
            this.tokens = List.of();
            this.outcome = seen.outcome();
            this.seen = seen;
        }

        /** Each partner starts with a completed order: three unlimited credentials, two for a year. */
        static Model initial() {
            List<Order> orders = List.of(new Order(0, 3, PoolTerm.UNLIMITED, null, PoolOrderStatus.COMPLETED),
                    new Order(1, 2, PoolTerm.ONE_YEAR, validUntil(PoolTerm.ONE_YEAR, 0), PoolOrderStatus.COMPLETED));
            List<Cred> creds = new ArrayList<>();
            for (Order o : orders) {
                for (int i = 0; i < o.size(); i++) {
                    creds.add(new Cred(o.partner(), o.validUntil(), 0, -1, 1, 0));
                }
            }
            return new Model(0, orders, creds, List.of(), List.of(), "none");
        }

        /** What the system shows, to compare with what the model expects. */
        static Model observed(View view) {
            return new Model(view);
        }

        Model outcome(String value) {
            return new Model(now, orders, creds, issuances, tokens, value);
        }

        /** The state of credential {@code c} now. */
        CredentialState state(Cred c) {
            if (c.holder() < 0) {
                return CredentialState.FREE;
            }
            Iss i = issuances.get(c.holder());
            if (i.revokedAt() != null || now >= i.to()) {
                return CredentialState.DEACTIVATED;
            }
            return i.provisionedAt() != null && now >= i.from() ? CredentialState.ACTIVATED : CredentialState.NEW;
        }

        View view() {
            if (seen != null) {
                return seen;
            }
            List<SeenIssuance> seenIssuances = new ArrayList<>();
            for (Iss i : issuances) {
                CredentialState status = i.revokedAt() != null || now >= i.to() ? CredentialState.DEACTIVATED
                        : i.provisionedAt() != null && now >= i.from() ? CredentialState.ACTIVATED
                        : CredentialState.NEW;
                seenIssuances.add(new SeenIssuance(i.partner(), i.client(), status, i.provisionedAt() != null,
                        i.revokedAt()));
            }
            List<SeenPool> pools = new ArrayList<>();
            for (int partner = 0; partner < 2; partner++) {
                int[] counts = new int[5];
                for (Cred c : creds) {
                    if (c.partner() != partner) {
                        continue;
                    }
                    CredentialState state = state(c);
                    if (state == CredentialState.FREE && c.capacity() != null && c.capacity() < now) {
                        counts[4]++;
                    } else {
                        counts[state.ordinal()]++;
                    }
                }
                pools.add(new SeenPool(counts[0], counts[1], counts[2], counts[3], counts[4]));
            }
            return new View(now, orders, seenIssuances, pools, tokens.size(), outcome);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Model m && view().equals(m.view());
        }

        @Override
        public int hashCode() {
            return view().hashCode();
        }

        @Override
        public String toString() {
            return view().toString();
        }

        /** The model a clock {@code seconds} later: credentials whose time has come are back in the pool. */
        Model later(long seconds) {
            long next = now + seconds;
            List<Cred> back = new ArrayList<>();
            for (Cred c : creds) {
                back.add(c.holder() >= 0 && next >= c.freeAt()
                        ? new Cred(c.partner(), c.capacity(), c.freeAt(), -1, c.generation() + 1, c.usedGeneration())
                        : c);
            }
            return new Model(next, orders, back, issuances, tokens, "none");
        }

        Model withOrders(List<Order> next, List<Cred> nextCreds, String result) {
            return new Model(now, next, nextCreds, issuances, tokens, result);
        }

        Model with(List<Cred> nextCreds, List<Iss> nextIssuances, List<Token> nextTokens, String result) {
            return new Model(now, orders, nextCreds, nextIssuances, nextTokens, result);
        }
    }

    /** When capacity ordered at {@code seconds} ends: the end of that UTC day, one or two years on. */
    static Long validUntil(PoolTerm term, long seconds) {
        int years = switch (term) {
            case UNLIMITED -> 0;
            case ONE_YEAR -> 1;
            case TWO_YEARS -> 2;
        };
        if (years == 0) {
            return null;
        }
        Instant end = START.plusSeconds(seconds).atOffset(ZoneOffset.UTC).toLocalDate().plusYears(years)
                .atTime(LocalTime.of(23, 59, 59)).toInstant(ZoneOffset.UTC);
        return Duration.between(START, end).getSeconds();
    }

    // --- the system under test -------------------------------------------------------------------------------

    /** Two partners with two clients each, on the store under test, with the links their clients got. */
    static final class Pools implements AutoCloseable {
        final Fixture fx;
        final Latchkey sdk;
        final List<Partner> partners;
        final List<Client> clients = new ArrayList<>();
        final List<Label> labels = new ArrayList<>();
        final List<String> tokens = new ArrayList<>();
        String outcome = "none";
        private int sources;

        Pools(Store store) {
            fx = new Fixture(store, Duration.ofSeconds(COOLDOWN));
            sdk = fx.latchkey;
            partners = List.of(fx.partner(), fx.partner());
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(fx.client(partners.get(i / 2), "client" + i + "@example.test"));
            }
            fx.filledPool(partners.get(0), 3, PoolTerm.UNLIMITED);
            fx.filledPool(partners.get(1), 2, PoolTerm.ONE_YEAR);
        }

        long seconds(Instant instant) {
            return Duration.between(START, instant).getSeconds();
        }

        /** Runs a command and keeps its outcome: done, or the code it was refused with. */
        void attempt(Runnable command) {
            outcome = Outcome.of(command);
        }

        /** A source of its own for each attempt, so that failures never add up to a rate limit. */
        String source() {
            return "phone-" + ++sources;
        }

        String link(Label label) {
            String query = sdk.issuing().provisioningLink(partners.get(partnerOf(label)).manager(),
                    label).getRawQuery();
            return Fixture.token(query);
        }

        private int partnerOf(Label label) {
            return fx.store.inTransaction(() -> fx.credentialStore().credentials().findByLabel(label))
                    .map(c -> partners.get(0).id().equals(c.partner()) ? 0 : 1).orElseThrow();
        }

        View observe() {
            Instant now = fx.clock.instant();
            List<Order> orders = new ArrayList<>();
            for (PoolOrder o : sdk.poolOrders().orders(fx.operatorAdmin, null, 1000)) {
                orders.add(new Order(partners.get(0).id().equals(o.partner()) ? 0 : 1, o.size(), o.term(),
                        o.validUntil() == null ? null : seconds(o.validUntil()), o.status()));
            }
            Collections.reverse(orders);
            List<SeenIssuance> issuances = new ArrayList<>();
            List<SeenPool> pools = new ArrayList<>();
            for (int partner = 0; partner < 2; partner++) {
                Actor manager = partners.get(partner).manager();
                for (IssuanceView view : sdk.credentials().issuances(manager, IssuanceFilter.ALL, null, 1000)) {
                    Issuance i = view.issuance();
                    int index = Integer.parseInt(i.description().substring(1));
                    while (issuances.size() <= index) {
                        issuances.add(null);
                    }
                    issuances.set(index, new SeenIssuance(partner, clients.stream().map(Client::id).toList()
                            .indexOf(i.clientId()), view.status(), i.provisionedAt() != null,
                            i.endReason() == EndReason.REVOKED ? seconds(i.endedAt()) : null));
                }
                PoolSummary s = sdk.credentials().pool(manager, null);
                pools.add(new SeenPool(s.free(), s.issued(), s.active(), s.deactivated(), s.expired()));
            }
            return new View(seconds(now), orders, issuances, pools, tokens.size(), outcome);
        }

        static Model seen(Pools pools) {
            Model seen = Model.observed(pools.observe());
            pools.outcome = "none";
            return seen;
        }

        @Override
        public void close() {
            fx.close();
        }
    }

    // --- the steps -------------------------------------------------------------------------------------------

    /** A step of the sequence: what it does to the system, and what it should do to the model. */
    abstract static class Step extends NamedStep<Pools, Model> {
        Step(String name) {
            super(name);
        }
    }

    static Step order(int partner, int size, PoolTerm term) {
        return new Step("partner " + partner + " orders " + size + " for " + term) {
            public void run(Pools p) {
                p.attempt(() -> p.sdk.poolOrders().placeOrder(p.partners.get(partner).manager(), size, term, null));
            }

            public Model nextState(Model m) {
                if (size < 1) {
                    return m.outcome("POOL_ORDER_SIZE_INVALID");
                }
                List<Order> orders = new ArrayList<>(m.orders);
                orders.add(new Order(partner, size, term, validUntil(term, m.now), PoolOrderStatus.NEW));
                return m.withOrders(orders, m.creds, "ok");
            }
        };
    }

    /** Who decides an order: the dealer above the partner (the operator), the partner itself, another partner. */
    enum Decider { OPERATOR, ITSELF, ANOTHER }

    static Step decide(int pick, boolean complete, Decider by) {
        return new Step((complete ? "complete" : "reject") + " order #" + pick + " by " + by) {
            public void run(Pools p) {
                List<PoolOrder> orders = new ArrayList<>(p.sdk.poolOrders().orders(p.fx.operatorAdmin, null, 1000));
                if (orders.isEmpty()) {
                    return;
                }
                Collections.reverse(orders);
                PoolOrder order = orders.get(pick % orders.size());
                int own = p.partners.get(0).id().equals(order.partner()) ? 0 : 1;
                Actor actor = switch (by) {
                    case OPERATOR -> p.fx.operatorAdmin;
                    case ITSELF -> p.partners.get(own).admin();
                    case ANOTHER -> p.partners.get(1 - own).admin();
                };
                p.attempt(() -> {
                    if (complete) {
                        p.sdk.poolOrders().completeOrder(actor, order.id());
                    } else {
                        p.sdk.poolOrders().rejectOrder(actor, order.id(), "model");
                    }
                });
            }

            public Model nextState(Model m) {
                if (m.orders.isEmpty()) {
                    return m.outcome("none");
                }
                int index = pick % m.orders.size();
                Order o = m.orders.get(index);
                if (by == Decider.ANOTHER) {
                    return m.outcome("POOL_ORDER_NOT_FOUND");
                }
                if (o.status() != PoolOrderStatus.NEW) {
                    return m.outcome("TRANSITION_NOT_ALLOWED");
                }
                if (by == Decider.ITSELF) {
                    return m.outcome("PERMISSION_DENIED");
                }
                if (complete && o.validUntil() != null && o.validUntil() <= m.now) {
                    return m.outcome("POOL_ORDER_EXPIRED");
                }
                List<Order> orders = new ArrayList<>(m.orders);
                orders.set(index, new Order(o.partner(), o.size(), o.term(), o.validUntil(),
                        complete ? PoolOrderStatus.COMPLETED : PoolOrderStatus.REJECTED));
                List<Cred> creds = new ArrayList<>(m.creds);
                for (int i = 0; complete && i < o.size(); i++) {
                    creds.add(new Cred(o.partner(), o.validUntil(), m.now, -1, 1, 0));
                }
                return m.withOrders(orders, creds, "ok");
            }
        };
    }

    static Step issue(int partner, int client, long lead, long length) {
        return new Step("partner " + partner + " issues to client " + client + " in " + lead + " s for " + length
                + " s") {
            public void run(Pools p) {
                Instant from = p.fx.clock.instant().plusSeconds(lead);
                p.attempt(() -> {
                    IssuanceView view = p.sdk.issuing().issue(p.partners.get(partner).manager(), new IssueRequest(
                            p.clients.get(client).id(), from, from.plusSeconds(length), "#" + p.labels.size()), null);
                    p.labels.add(view.issuance().label());
                    p.tokens.add(p.link(view.issuance().label()));
                });
            }

            public Model nextState(Model m) {
                long from = m.now + lead;
                long to = from + length;
                if (to <= from) {
                    return m.outcome("CREDENTIAL_WINDOW_INVALID");
                }
                if (to <= m.now) {
                    return m.outcome("CREDENTIAL_WINDOW_IN_PAST");
                }
                if (client / 2 != partner) {
                    return m.outcome("CLIENT_NOT_FOUND");
                }
                Optional<Integer> free = issuable(m, to);
                if (free.isEmpty()) {
                    return m.outcome(issuable(m, m.now).isPresent() ? "CREDENTIAL_WINDOW_OUTSIDE_CAPACITY"
                            : "CREDENTIAL_POOL_EMPTY");
                }
                int index = m.issuances.size();
                Cred c = m.creds.get(free.get());
                List<Cred> creds = new ArrayList<>(m.creds);
                creds.set(free.get(), new Cred(c.partner(), c.capacity(), to + COOLDOWN, index, c.generation(),
                        c.usedGeneration()));
                List<Iss> issuances = new ArrayList<>(m.issuances);
                issuances.add(new Iss(partner, client, from, to, null, null, free.get()));
                List<Token> tokens = new ArrayList<>(m.tokens);
                tokens.add(new Token(index, c.generation()));
                return m.with(creds, issuances, tokens, "ok");
            }

            /** The credential the pool hands out: the soonest-expiring capacity first, then the longest free. */
            private Optional<Integer> issuable(Model m, long until) {
                Comparator<Integer> order = Comparator.comparing((Integer i) -> m.creds.get(i).capacity(),
                        Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(i -> m.creds.get(i).freeAt());
                List<Integer> candidates = new ArrayList<>();
                for (int i = 0; i < m.creds.size(); i++) {
                    Cred c = m.creds.get(i);
                    if (c.partner() == partner && c.holder() < 0 && c.freeAt() <= m.now
                            && (c.capacity() == null || c.capacity() >= until)) {
                        candidates.add(i);
                    }
                }
                return candidates.stream().min(order);
            }
        };
    }

    static Step provision(int pick) {
        return new Step("provision link #" + pick) {
            public void run(Pools p) {
                if (!p.tokens.isEmpty()) {
                    p.attempt(() -> p.sdk.provisioning().provision(p.tokens.get(pick % p.tokens.size()), p.source()));
                }
            }

            public Model nextState(Model m) {
                if (m.tokens.isEmpty()) {
                    return m.outcome("none");
                }
                Token t = m.tokens.get(pick % m.tokens.size());
                Iss i = m.issuances.get(t.issuance());
                if (m.now >= i.to()) {
                    return m.outcome("PROVISIONING_TOKEN_EXPIRED");
                }
                Cred c = m.creds.get(i.cred());
                CredentialState state = m.state(c);
                boolean current = c.holder() == t.issuance() && c.generation() == t.generation()
                        && c.usedGeneration() != t.generation()
                        && (state == CredentialState.NEW || state == CredentialState.ACTIVATED);
                if (!current) {
                    return m.outcome("PROVISIONING_TOKEN_USED");
                }
                List<Cred> creds = new ArrayList<>(m.creds);
                creds.set(i.cred(), new Cred(c.partner(), c.capacity(), c.freeAt(), c.holder(), c.generation(),
                        t.generation()));
                List<Iss> issuances = new ArrayList<>(m.issuances);
                issuances.set(t.issuance(), new Iss(i.partner(), i.client(), i.from(), i.to(),
                        i.provisionedAt() != null ? i.provisionedAt() : m.now, i.revokedAt(), i.cred()));
                return m.with(creds, issuances, m.tokens, "ok");
            }
        };
    }

    /** Who acts on a label: its partner's manager, the operator, another partner. */
    enum Hand { OWN, OPERATOR, ANOTHER }

    static Step resend(int pick, Hand by) {
        return onLabel("resend the label of #" + pick + " by " + by, pick, by, (p, actor) -> label -> {
            p.sdk.issuing().resend(actor, label);
            p.tokens.add(p.link(label));
        }, (m, credIndex) -> {
            Cred c = m.creds.get(credIndex);
            if (by == Hand.OPERATOR) {
                return m.outcome(refusal(m, c, "PERMISSION_DENIED"));
            }
            CredentialState state = m.state(c);
            if (state != CredentialState.NEW && state != CredentialState.ACTIVATED) {
                return m.outcome("TRANSITION_NOT_ALLOWED");
            }
            List<Cred> creds = new ArrayList<>(m.creds);
            creds.set(credIndex, new Cred(c.partner(), c.capacity(), c.freeAt(), c.holder(), c.generation() + 1,
                    c.usedGeneration()));
            List<Token> tokens = new ArrayList<>(m.tokens);
            tokens.add(new Token(c.holder(), c.generation() + 1));
            return m.with(creds, m.issuances, tokens, "ok");
        });
    }

    static Step revoke(int pick, Hand by) {
        return onLabel("revoke the label of #" + pick + " by " + by, pick, by,
                (p, actor) -> label -> p.sdk.issuing().revoke(actor, label, null), (m, credIndex) -> {
                    Cred c = m.creds.get(credIndex);
                    CredentialState state = m.state(c);
                    if (state != CredentialState.NEW && state != CredentialState.ACTIVATED) {
                        return m.outcome("TRANSITION_NOT_ALLOWED");
                    }
                    Iss i = m.issuances.get(c.holder());
                    List<Iss> issuances = new ArrayList<>(m.issuances);
                    issuances.set(c.holder(), new Iss(i.partner(), i.client(), i.from(), i.to(), i.provisionedAt(),
                            m.now, i.cred()));
                    List<Cred> creds = new ArrayList<>(m.creds);
                    creds.set(credIndex, new Cred(c.partner(), c.capacity(), m.now + COOLDOWN, c.holder(),
                            c.generation(), c.usedGeneration()));
                    return m.with(creds, issuances, m.tokens, "ok");
                });
    }

    /** A resend needs the label's state first: a FREE or DEACTIVATED one has no RESEND row. */
    private static String refusal(Model m, Cred c, String otherwise) {
        CredentialState state = m.state(c);
        return state != CredentialState.NEW && state != CredentialState.ACTIVATED ? "TRANSITION_NOT_ALLOWED"
                : otherwise;
    }

    /** A command on the label an issuance got (which may have gone back to the pool and out again since). */
    private static Step onLabel(String name, int pick, Hand by,
                                java.util.function.BiFunction<Pools, Actor, Consumer<Label>> command,
                                java.util.function.BiFunction<Model, Integer, Model> expected) {
        return new Step(name) {
            public void run(Pools p) {
                if (p.labels.isEmpty()) {
                    return;
                }
                Label label = p.labels.get(pick % p.labels.size());
                int own = p.partnerOf(label);
                Actor actor = switch (by) {
                    case OWN -> p.partners.get(own).manager();
                    case OPERATOR -> p.fx.operatorAdmin;
                    case ANOTHER -> p.partners.get(1 - own).manager();
                };
                p.attempt(() -> command.apply(p, actor).accept(label));
            }

            public Model nextState(Model m) {
                if (m.issuances.isEmpty()) {
                    return m.outcome("none");
                }
                if (by == Hand.ANOTHER) {
                    return m.outcome("CREDENTIAL_NOT_FOUND");
                }
                return expected.apply(m, m.issuances.get(pick % m.issuances.size()).cred());
            }
        };
    }

    static Step advance(long seconds) {
        return new Step("clock +" + seconds + " s") {
            public void run(Pools p) {
                p.fx.clock.advance(Duration.ofSeconds(seconds));
                p.outcome = "none";
            }

            public Model nextState(Model m) {
                return m.later(seconds);
            }
        };
    }

    static Step runDueWork() {
        return new Step("run the scheduler") {
            public void run(Pools p) {
                p.fx.runDueWork();
                Instant now = p.fx.clock.instant();
                p.fx.store.inTransaction(() -> {
                    for (Partner partner : p.partners) {
                        for (Credential c : p.fx.credentialStore().credentials().byPartner(partner.id())) {
                            assertEquals(c.effectiveState(now), c.state(),
                                    "the scheduler persists what reads derive: " + c.label());
                        }
                    }
                });
                p.outcome = "none";
            }

            public Model nextState(Model m) {
                return m.outcome("none");
            }
        };
    }

    static Gen<Step> steps() {
        PoolTerm[] terms = PoolTerm.values();
        return integers().between(0, 15).zip(integers().between(0, 60), integers().between(-7_200, 14_400),
                integers().between(-600, 36_000), (kind, a, b, c) -> switch (kind) {
                    case 0 -> order(a % 2, a % 5 - 1 < 0 ? 0 : 1 + a % 3, terms[a % terms.length]);
                    case 1, 2 -> decide(a, a % 4 != 0, Decider.values()[a % 7 < 5 ? 0 : a % 7 == 5 ? 1 : 2]);
                    case 3, 4, 5 -> issue(a % 2, a % 5 == 0 ? (a + 1) % CLIENTS : (a % 2) * 2 + (a / 2) % 2,
                            b, c);
                    // A window that ends this very second.
                    case 6 -> issue(a % 2, (a % 2) * 2, -1L - Math.abs(c), 1L + Math.abs(c));
                    // Now and then a window of years, longer than a term's capacity.
                    case 7 -> issue(a % 2, (a % 2) * 2, b, (long) (1 + a % 3) * 300 * 86_400);
                    case 8, 9 -> provision(a);
                    case 10 -> resend(a, Hand.values()[a % 5 < 3 ? 0 : a % 5 == 3 ? 1 : 2]);
                    case 11, 12 -> revoke(a, Hand.values()[a % 5 < 3 ? 0 : a % 5 == 3 ? 1 : 2]);
                    case 13 -> advance(1 + Math.abs(c));
                    // Now and then months pass: windows end, labels return, capacity runs out.
                    case 14 -> advance((long) (1 + a) * 10 * 86_400);
                    default -> runDueWork();
                });
    }
}
