package io.latchkey.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.latchkey.notify.Templates;
import io.latchkey.store.Store;
import io.latchkey.testkit.Fixture;
import io.latchkey.testkit.Fixture.Partner;
import io.latchkey.testkit.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Issuing under contention, run on every store: a few commands (issues, revocations of one label, two uses of
 * one provisioning link, scheduler runs that expire windows and deliver mail) start at once, each on a thread of
 * its own. Whatever the interleaving, the end must be one that some serial order of the same commands gives:
 * each command's outcome, who holds which credential, one client mail per issue, and the "nearly empty" alert
 * once per crossing. The only freedom allowed is which free credential an issue gets: the pool hands out the
 * longest free first, but skips those that another transaction holds at that moment.
 *
 * <p>The pool has three credentials. A holds the first for a day; B's window ended half an hour ago and C's an
 * hour ago, and the scheduler has not caught up with either, so both are free but due.
 */
public abstract class IssuingRaceContractTest {

    private static final int CLIENTS = 4;
    private static final int FIRST = 0;

    /** A new, empty store of the implementation under test. */
    protected abstract Store newStore();

    /** How many random command sets to try: each runs on a store of its own. */
    protected int examples() {
        return 40;
    }

    @Test
    public void concurrentCommandsEndAsSomeSerialOrderWould() {
        qt().withExamples(examples()).forAll(commands()).checkAssert(commands -> {
            try (Race race = new Race(newStore())) {
                race.runAtOnce(commands);
                State seen = race.seen();
                Set<State> ends = ends(commands);
                assertTrue(ends.contains(seen), () -> seen + " is the end of no serial order; these are: " + ends);
            }
        });
    }

    /**
     * What can be seen: who holds each credential (a client, or -1 when free), A's fate, each command's outcome
     * by its position, and the mails delivered.
     */
    record State(List<Integer> holders, boolean aHolds, boolean aRevoked, boolean aProvisioned,
                 Map<Integer, String> outcomes, int issuedMails, int alerts) {

        static State initial() {
            return new State(List.of(0, -1, -1), true, false, false, Map.of(), 0, 0);
        }

        State outcome(int command, String value) {
            Map<Integer, String> next = new TreeMap<>(outcomes);
            next.put(command, value);
            return new State(holders, aHolds, aRevoked, aProvisioned, Map.copyOf(next), issuedMails, alerts);
        }

        State holding(int credential, int client) {
            List<Integer> next = new ArrayList<>(holders);
            next.set(credential, client);
            return new State(List.copyOf(next), aHolds, aRevoked, aProvisioned, outcomes, issuedMails, alerts);
        }

        long free() {
            return holders.stream().filter(h -> h < 0).count();
        }
    }

    /** Every end the commands reach in some serial order, with every choice of credential an issue may get. */
    static Set<State> ends(List<Command> commands) {
        Set<State> ends = new HashSet<>();
        permute(new ArrayList<>(commands), 0, order -> {
            Set<State> states = Set.of(State.initial());
            for (Command command : order) {
                Set<State> next = new HashSet<>();
                states.forEach(s -> next.addAll(command.next(s)));
                states = next;
            }
            ends.addAll(states);
        });
        return ends;
    }

    private static void permute(List<Command> commands, int from, Consumer<List<Command>> each) {
        if (from == commands.size()) {
            each.accept(commands);
            return;
        }
        for (int i = from; i < commands.size(); i++) {
            Collections.swap(commands, from, i);
            permute(commands, from + 1, each);
            Collections.swap(commands, from, i);
        }
    }

    /** Three credentials with one partner on the store under test; outcomes land by command position. */
    static final class Race implements AutoCloseable {
        final Fixture fx;
        final Partner partner;
        final List<Client> clients = new ArrayList<>();
        final List<Label> labels = new ArrayList<>();
        final String linkOfA;
        final Map<Integer, String> outcomes = new ConcurrentHashMap<>();
        final AtomicInteger sources = new AtomicInteger();
        final IssuanceId a;

        Race(Store store) {
            fx = new Fixture(store);
            partner = fx.partner();
            fx.filledPool(partner, 3, PoolTerm.UNLIMITED);
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(fx.client(partner, "client" + i + "@example.test"));
            }
            Instant now = fx.clock.instant();
            a = issue(0, now, Duration.ofDays(1)).id();
            issue(1, now, Duration.ofMinutes(90));
            issue(2, now, Duration.ofMinutes(60));
            String query = fx.latchkey.issuing().provisioningLink(partner.manager(), labels.get(FIRST)).getRawQuery();
            linkOfA = Fixture.token(query);
            fx.latchkey.outbox().dispatchAllDue();
            fx.mail.clear();
            fx.clock.advance(Duration.ofHours(2));
        }

        private Issuance issue(int client, Instant from, Duration length) {
            Issuance issuance = fx.latchkey.issuing().issue(partner.manager(), new IssueRequest(
                    clients.get(client).id(), from, from.plus(length), null), null).issuance();
            labels.add(issuance.label());
            return issuance;
        }

        /** Starts every command at once, one thread each, and waits for all; anything but a refusal fails. */
        void runAtOnce(List<Command> commands) {
            ExecutorService threads = Executors.newFixedThreadPool(commands.size());
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> running = new ArrayList<>();
                for (Command command : commands) {
                    running.add(threads.submit(() -> {
                        start.await();
                        command.run(this);
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> f : running) {
                    f.get(2, TimeUnit.MINUTES);
                }
            } catch (ExecutionException e) {
                throw new AssertionError("a command failed with more than a refusal", e.getCause());
            } catch (InterruptedException | TimeoutException e) {
                throw new AssertionError("the commands did not finish", e);
            } finally {
                threads.shutdownNow();
            }
        }

        void attempt(int command, Runnable work) {
            outcomes.put(command, Outcome.of(work));
        }

        State seen() {
            fx.runDueWork();
            List<Integer> holders = new ArrayList<>(List.of(-1, -1, -1));
            boolean aHolds = false;
            boolean aRevoked = false;
            boolean aProvisioned = false;
            for (IssuanceView view : fx.latchkey.credentials().issuances(partner.manager(), IssuanceFilter.ALL, null,
                    100)) {
                Issuance i = view.issuance();
                boolean live = view.status() == CredentialState.NEW || view.status() == CredentialState.ACTIVATED;
                if (live) {
                    holders.set(labels.indexOf(i.label()), clients.stream().map(Client::id).toList()
                            .indexOf(i.clientId()));
                }
                if (i.id().equals(a)) {
                    aHolds = live;
                    aRevoked = i.endReason() == EndReason.REVOKED;
                    aProvisioned = i.provisionedAt() != null;
                }
            }
            int issuedMails = 0;
            for (Client client : clients) {
                issuedMails += (int) fx.mail.deliveredTo(client.email()).stream()
                        .filter(n -> n.template().equals(Templates.CREDENTIAL_ISSUED)).count();
            }
            int alerts = (int) fx.mail.deliveredTo(partner.managerMember().email()).stream()
                    .filter(n -> n.template().equals(Templates.POOL_NEARLY_EMPTY)).count();
            State seen = new State(holders, aHolds, aRevoked, aProvisioned, Map.copyOf(outcomes), issuedMails,
                    alerts);
            assertEquals(seen.free(), fx.latchkey.credentials().pool(partner.manager(), null).free(),
                    "the pool's count agrees with its credentials");
            return seen;
        }

        @Override
        public void close() {
            fx.close();
        }
    }

    /** A command that runs at once with the others; {@code position} keys its outcome. */
    abstract static class Command {
        final int position;
        private final String name;

        Command(int position, String name) {
            this.position = position;
            this.name = "#" + position + " " + name;
        }

        abstract void run(Race race);

        /** The states this command may lead to from {@code state}, run alone. */
        abstract List<State> next(State state);

        @Override
        public String toString() {
            return name;
        }
    }

    static Command issue(int position, int client) {
        return new Command(position, "issue to client " + client) {
            void run(Race r) {
                Instant now = r.fx.clock.instant();
                r.attempt(position, () -> r.fx.latchkey.issuing().issue(r.partner.manager(), new IssueRequest(
                        r.clients.get(client).id(), now, now.plus(Duration.ofDays(1)), null), null));
            }

            List<State> next(State s) {
                List<State> next = new ArrayList<>();
                for (int credential = 0; credential < s.holders().size(); credential++) {
                    if (s.holders().get(credential) < 0) {
                        State issued = s.holding(credential, client);
                        // Three credentials: "nearly empty" is one left, and this issue is what left it.
                        next.add(new State(issued.holders(), s.aHolds(), s.aRevoked(), s.aProvisioned(),
                                s.outcomes(), s.issuedMails() + 1, s.alerts() + (issued.free() == 1 ? 1 : 0))
                                .outcome(position, "ok"));
                    }
                }
                return next.isEmpty() ? List.of(s.outcome(position, "CREDENTIAL_POOL_EMPTY")) : next;
            }
        };
    }

    /** Revokes whatever issuance holds the first credential now: A, or whoever got it after A. */
    static Command revokeFirst(int position) {
        return new Command(position, "revoke the first credential's label") {
            void run(Race r) {
                r.attempt(position, () -> r.fx.latchkey.issuing().revoke(r.partner.manager(), r.labels.get(FIRST),
                        null));
            }

            List<State> next(State s) {
                if (s.holders().get(FIRST) < 0) {
                    return List.of(s.outcome(position, "TRANSITION_NOT_ALLOWED"));
                }
                State freed = s.holding(FIRST, -1);
                return List.of(new State(freed.holders(), false, s.aRevoked() || s.aHolds(), s.aProvisioned(),
                        s.outcomes(), s.issuedMails(), s.alerts()).outcome(position, "ok"));
            }
        };
    }

    static Command provisionA(int position) {
        return new Command(position, "provision A's link") {
            void run(Race r) {
                r.attempt(position, () -> r.fx.latchkey.provisioning().provision(r.linkOfA,
                        "phone-" + r.sources.incrementAndGet()));
            }

            List<State> next(State s) {
                if (!s.aHolds() || s.aProvisioned()) {
                    return List.of(s.outcome(position, "PROVISIONING_TOKEN_USED"));
                }
                return List.of(new State(s.holders(), true, s.aRevoked(), true, s.outcomes(), s.issuedMails(),
                        s.alerts()).outcome(position, "ok"));
            }
        };
    }

    static Command scheduler(int position) {
        return new Command(position, "run the scheduler and the outbox") {
            void run(Race r) {
                r.fx.runDueWork();
                r.outcomes.put(position, "ok");
            }

            List<State> next(State s) {
                return List.of(s.outcome(position, "ok"));
            }
        };
    }

    /** Two to five commands; issues and revocations weigh most, as they are what contend for credentials. */
    static Gen<List<Command>> commands() {
        return lists().of(integers().between(0, 9)).ofSizeBetween(2, 5).map(kinds -> {
            List<Command> commands = new ArrayList<>();
            for (int kind : kinds) {
                int position = commands.size();
                commands.add(switch (kind) {
                    case 0, 1, 2, 3 -> issue(position, kind);
                    case 4, 5 -> revokeFirst(position);
                    case 6 -> provisionA(position);
                    default -> scheduler(position);
                });
            }
            return commands;
        });
    }
}
