package io.latchkey.credential;

import static io.latchkey.testkit.Refusals.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latchkey.ErrorCode;
import io.latchkey.Latchkey;
import io.latchkey.LatchkeyException;
import io.latchkey.lifecycle.JournalEntry;
import io.latchkey.notify.Templates;
import io.latchkey.store.InMemoryStore;
import io.latchkey.testkit.ExpectedTable;
import io.latchkey.testkit.ExpectedTables;
import io.latchkey.testkit.Fixture;
import io.latchkey.testkit.Fixture.Partner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Walks the credential and pool order tables: every (state × event) pair, legal or not, is tried through the
 * service on a pool of exactly one credential, and the outcome must be what the table says.
 */
class CredentialLifecycleTest {

    private static final Duration COOLDOWN = Duration.ofHours(1);
    private static final Duration LEAD = Duration.ofHours(1);
    private static final Duration WINDOW = Duration.ofDays(1);

    static Stream<Arguments> credentialPairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (CredentialState state : CredentialState.values()) {
            for (CredentialEvent event : CredentialEvent.values()) {
                pairs.add(Arguments.of(state, event));
            }
        }
        return pairs.stream();
    }

    static Stream<Arguments> orderPairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (PoolOrderStatus status : PoolOrderStatus.values()) {
            for (PoolOrderEvent event : PoolOrderEvent.values()) {
                pairs.add(Arguments.of(status, event));
            }
        }
        return pairs.stream();
    }

    /** A pool of one credential, put into a given state through the service. */
    private static final class OneCredential {
        final Fixture fx = new Fixture(InMemoryStore.create(), COOLDOWN);
        final Latchkey sdk = fx.latchkey;
        final Partner partner = fx.partner();
        final Client client = fx.client(partner, "guest@example.test");
        Label label;
        String token;

        OneCredential(CredentialState state) {
            fx.filledPool(partner, 1, PoolTerm.UNLIMITED);
            switch (state) {
                case FREE -> {
                    // Issued, provisioned and back: it holds a used link from before, like a real returned label.
                    issue(Duration.ZERO);
                    sdk.provisioning().provision(token, "phone");
                    sdk.issuing().revoke(partner.manager(), label, null);
                    fx.clock.advance(COOLDOWN);
                    fx.runDueWork();
                }
                case NEW -> issue(LEAD);
                case ACTIVATED -> {
                    issue(Duration.ZERO);
                    sdk.provisioning().provision(token, "phone");
                    sdk.issuing().resend(partner.manager(), label);
                    token = lastToken();
                }
                case DEACTIVATED -> {
                    issue(Duration.ZERO);
                    sdk.issuing().revoke(partner.manager(), label, null);
                }
            }
            assertEquals(state, stored(), "set-up reached " + state);
        }

        void issue(Duration lead) {
            Instant now = fx.clock.instant();
            label = sdk.issuing().issue(partner.manager(),
                    new IssueRequest(client.id(), now.plus(lead), now.plus(lead).plus(WINDOW), null), null)
                    .issuance().label();
            token = lastToken();
        }

        String lastToken() {
            fx.runDueWork();
            String link = fx.mail.last(Templates.CREDENTIAL_ISSUED, client.email()).parameter("link");
            return Fixture.token(link);
        }

        Credential record() {
            return fx.store.inTransaction(
                    () -> fx.credentialStore().credentials().findByLabel(label).orElseThrow());
        }

        CredentialState stored() {
            return record().state();
        }

        CredentialState effective() {
            return sdk.credentials().credential(partner.manager(), label).status();
        }

        /** Moves the clock to the moment the timed step falls due, if the credential has that step next. */
        void advanceTo(CredentialEvent timed) {
            Credential c = record();
            if (timed == CredentialEvent.ACTIVATE && c.state() == CredentialState.NEW) {
                sdk.provisioning().provision(token, "phone");
            }
            Optional<Credential.TimedStep> next = record().nextTimedStep();
            if (timed == CredentialEvent.ACTIVATE && next.isPresent()) {
                fx.clock.set(next.get().at());
            } else if (timed == CredentialEvent.EXPIRE && c.validTo() != null) {
                fx.clock.set(c.validTo());
            } else if (timed == CredentialEvent.RETURN) {
                fx.clock.set(c.freeAt().isAfter(fx.clock.instant()) ? c.freeAt() : fx.clock.instant());
            }
        }
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("credentialPairs")
    void everyCredentialPairBehavesAsTheTableSays(CredentialState state, CredentialEvent event) {
        OneCredential one = new OneCredential(state);
        Optional<ExpectedTable.Row<CredentialState, CredentialEvent>> legal = ExpectedTables.CREDENTIAL.find(state,
                event);
        int journalBefore = one.sdk.credentials().history(one.partner.manager(), one.label, null, 100).size();

        if (legal.isPresent() && legal.get().timed()) {
            one.advanceTo(event);
            assertEquals(legal.get().to(), one.effective(), "derived on read");
            one.fx.runDueWork();
            assertEquals(legal.get().to(), one.stored(), "persisted by the scheduler");
            List<JournalEntry> history = one.sdk.credentials().history(one.partner.manager(), one.label, null, 100);
            assertEquals(event.name(), history.get(history.size() - 1).event());
            return;
        }
        if (legal.isPresent()) {
            apply(one, event);
            assertEquals(legal.get().to(), one.stored());
            List<JournalEntry> history = one.sdk.credentials().history(one.partner.manager(), one.label, null, 100);
            assertTrue(history.stream().skip(journalBefore).anyMatch(e -> e.event().equals(event.name())),
                    "journaled: " + history);
            return;
        }
        // Illegal: refused with a typed code, and nothing moves.
        switch (event) {
            case ISSUE -> refused(ErrorCode.CREDENTIAL_POOL_EMPTY, () -> apply(one, event));
            case PROVISION -> refused(ErrorCode.PROVISIONING_TOKEN_USED, () -> apply(one, event));
            case RESEND, REVOKE -> refused(ErrorCode.TRANSITION_NOT_ALLOWED, () -> apply(one, event));
            case ACTIVATE, EXPIRE, RETURN -> {
                Credential record = one.record();
                LatchkeyException e = refused(ErrorCode.TRANSITION_NOT_ALLOWED,
                        () -> record.taking(event, one.fx.clock.instant()));
                assertTrue(e.getMessage().contains(state.name()), e.getMessage());
                assertEquals(Optional.empty(), record.nextTimedStep().filter(step -> step.event() == event));
            }
        }
        assertEquals(state, one.stored());
        assertEquals(state, one.effective());
        assertEquals(journalBefore, one.sdk.credentials().history(one.partner.manager(), one.label, null, 100).size());
    }

    private static void apply(OneCredential one, CredentialEvent event) {
        Instant now = one.fx.clock.instant();
        switch (event) {
            case ISSUE -> one.sdk.issuing().issue(one.partner.manager(),
                    new IssueRequest(one.client.id(), now, now.plus(WINDOW), null), null);
            case PROVISION -> one.sdk.provisioning().provision(one.token, "phone");
            case RESEND -> one.sdk.issuing().resend(one.partner.manager(), one.label);
            case REVOKE -> one.sdk.issuing().revoke(one.partner.manager(), one.label, null);
            default -> throw new IllegalArgumentException(event + " is timed");
        }
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("orderPairs")
    void everyPoolOrderPairBehavesAsTheTableSays(PoolOrderStatus status, PoolOrderEvent event) {
        Fixture fx = new Fixture(InMemoryStore.create());
        Latchkey sdk = fx.latchkey;
        Partner partner = fx.partner();
        PoolOrder order = sdk.poolOrders().placeOrder(partner.manager(), 2, PoolTerm.ONE_YEAR, null);
        switch (status) {
            case NEW -> { }
            case COMPLETED -> sdk.poolOrders().completeOrder(fx.operatorAdmin, order.id());
            case REJECTED -> sdk.poolOrders().rejectOrder(fx.operatorAdmin, order.id(), "no contract");
        }
        int mintedBefore = sdk.credentials().pool(partner.manager(), null).capacity();
        Runnable apply = () -> {
            if (event == PoolOrderEvent.COMPLETE) {
                sdk.poolOrders().completeOrder(fx.operatorAdmin, order.id());
            } else {
                sdk.poolOrders().rejectOrder(fx.operatorAdmin, order.id(), null);
            }
        };
        Optional<ExpectedTable.Row<PoolOrderStatus, PoolOrderEvent>> legal = ExpectedTables.POOL_ORDER.find(status,
                event);
        if (legal.isPresent()) {
            apply.run();
            assertEquals(legal.get().to(), sdk.poolOrders().order(partner.manager(), order.id()).status());
            assertEquals(legal.get().to() == PoolOrderStatus.COMPLETED ? 2 : 0,
                    sdk.credentials().pool(partner.manager(), null).capacity());
        } else {
            refused(ErrorCode.TRANSITION_NOT_ALLOWED, apply::run);
            assertEquals(status, sdk.poolOrders().order(partner.manager(), order.id()).status());
            assertEquals(mintedBefore, sdk.credentials().pool(partner.manager(), null).capacity());
        }
    }
}
