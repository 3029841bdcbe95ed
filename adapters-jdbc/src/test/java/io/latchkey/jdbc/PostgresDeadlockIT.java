package io.latchkey.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.OrgId;
import io.latchkey.notify.Language;
import io.latchkey.party.OrgKind;
import io.latchkey.party.Organization;
import io.latchkey.party.OrganizationRepository;
import io.latchkey.party.PartyStore;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The deadlock victim PostgreSQL picks has been rolled back whole: the store says CONCURRENT_MODIFICATION, which
 * the SDK retries, and not a driver error.
 */
class PostgresDeadlockIT {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void ofTwoTransactionsLockingInOppositeOrderTheVictimEndsAsAConflict() throws Exception {
        try (JdbcStore store = Postgres.newStore()) {
            Organization operator = org(1, OrgKind.OPERATOR, null);
            Organization a = org(2, OrgKind.PARTNER, operator.id());
            Organization b = org(3, OrgKind.PARTNER, operator.id());
            store.inTransaction(() -> List.of(operator, a, b).forEach(o -> organizations(store).insert(o)));
            CyclicBarrier bothHoldOne = new CyclicBarrier(2);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            List<Future<?>> runs = new ArrayList<>();
            for (Organization[] order : new Organization[][] {{a, b}, {b, a}}) {
                runs.add(threads.submit(() -> store.inTransaction(() -> {
                    organizations(store).update(order[0]);
                    await(bothHoldOne);
                    organizations(store).update(order[1]);
                })));
            }
            List<ErrorCode> outcomes = new ArrayList<>();
            for (Future<?> run : runs) {
                try {
                    run.get(30, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    outcomes.add(((LatchkeyException) e.getCause()).code());
                }
            }
            threads.shutdown();
            assertEquals(List.of(ErrorCode.CONCURRENT_MODIFICATION), outcomes);
            assertEquals(1L, store.inTransaction(() -> organizations(store).find(a.id()).orElseThrow().version()),
                    "the survivor's updates stand, the victim's are gone");
        }
    }

    private static OrganizationRepository organizations(JdbcStore store) {
        return store.port(PartyStore.class).organizations();
    }

    private static Organization org(int n, OrgKind kind, OrgId parent) {
        return new Organization(new OrgId(new UUID(0x0190_0000_0000_7000L, n)), kind, "org " + n, parent,
                ZoneOffset.UTC, Language.EN, T0, 0);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
