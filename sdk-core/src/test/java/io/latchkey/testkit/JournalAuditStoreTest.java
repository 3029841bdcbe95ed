package io.latchkey.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.latchkey.access.OrgId;
import io.latchkey.lifecycle.JournalEntry;
import io.latchkey.lifecycle.JournalRepository;
import io.latchkey.notify.Language;
import io.latchkey.party.OrgKind;
import io.latchkey.party.Organization;
import io.latchkey.party.OrganizationRepository;
import io.latchkey.party.PartyStore;
import io.latchkey.store.InMemoryStore;
import io.latchkey.store.Store;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The audit that the contract suites run under: a state changed without its journal line fails the transaction. */
class JournalAuditStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private final Store store = JournalAuditStore.of(InMemoryStore.create());
    private final OrganizationRepository organizations = store.port(PartyStore.class).organizations();
    private final JournalRepository journal = store.port(JournalRepository.class);
    private final Organization operator = new Organization(new OrgId(new UUID(0x0190_0000_0000_7000L, 1)),
            OrgKind.OPERATOR, "Operator", null, ZoneId.of("UTC"), Language.EN, T0, 0);

    private long lines = 100;

    private JournalEntry line(String event, String from, String to) {
        return new JournalEntry(new UUID(0x0190_0000_0000_7000L, lines++), T0, "organization",
                operator.id().toString(), "system:test", event, from, to, null);
    }

    @Test
    void aNewRowWithAStateNeedsItsCreationJournaled() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> store.inTransaction(() -> organizations.insert(operator)));
        assertEquals("states changed without a journal line: [Organization CREATE → OPEN]", e.getMessage());
        assertEquals(Optional.empty(), store.inTransaction(() -> organizations.find(operator.id())), "rolled back");

        store.inTransaction(() -> {
            organizations.insert(operator);
            journal.append(line("CREATE", null, "OPEN"));
        });
        assertEquals(Optional.of(operator), store.inTransaction(() -> organizations.find(operator.id())));
    }

    @Test
    void aChangedStateNeedsAJournalLineFromTheOldStateToTheNew() {
        store.inTransaction(() -> {
            organizations.insert(operator);
            journal.append(line("CREATE", null, "OPEN"));
        });
        Runnable close = () -> {
            Organization stored = organizations.find(operator.id()).orElseThrow();
            organizations.update(new Organization(stored.id(), stored.kind(), stored.name(), null, stored.timezone(),
                    stored.language(), stored.requisites(), null, stored.approvedAt(), stored.activatedAt(), T0, null,
                    stored.createdAt(),
                    stored.version()));
        };
        assertThrows(AssertionError.class, () -> store.inTransaction(close));
        assertThrows(AssertionError.class, () -> store.inTransaction(() -> {
            close.run();
            journal.append(line("CLOSE", "CLOSED", "OPEN"));
        }), "a line for another change does not count");
        store.inTransaction(() -> {
            close.run();
            journal.append(line("CLOSE", "OPEN", "CLOSED"));
        });
        assertEquals(List.of("CREATE", "CLOSE"), store.inTransaction(() -> journal.history("organization",
                operator.id().toString(), null, 100)).stream().map(JournalEntry::event).toList());
    }

    @Test
    void anUpdateThatKeepsTheStateNeedsNoJournalLine() {
        store.inTransaction(() -> {
            organizations.insert(operator);
            journal.append(line("CREATE", null, "OPEN"));
        });
        store.inTransaction(() -> {
            Organization stored = organizations.find(operator.id()).orElseThrow();
            organizations.update(new Organization(stored.id(), stored.kind(), "Renamed", null, stored.timezone(),
                    stored.language(), stored.createdAt(), stored.version()));
        });
        assertEquals("Renamed", store.inTransaction(() -> organizations.find(operator.id())).orElseThrow().name());
    }
}
