package io.latchkey.credential;

import static io.latchkey.testkit.Refusals.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latchkey.ErrorCategory;
import io.latchkey.ErrorCode;
import io.latchkey.Latchkey;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Actor;
import io.latchkey.access.Role;
import io.latchkey.lifecycle.JournalEntry;
import io.latchkey.crypto.InMemoryKeyStore;
import io.latchkey.crypto.RandomSource;
import io.latchkey.crypto.VerificationKey;
import io.latchkey.notify.Language;
import io.latchkey.notify.Notification;
import io.latchkey.notify.Templates;
import io.latchkey.party.Member;
import io.latchkey.party.Members.MemberDetails;
import io.latchkey.party.Members.MemberDraft;
import io.latchkey.party.OrgKind;
import io.latchkey.party.Organization;
import io.latchkey.party.Organizations.OrganizationDraft;
import io.latchkey.party.Requisites;
import io.latchkey.store.Store;
import io.latchkey.testkit.Fixture;
import io.latchkey.testkit.Fixture.Partner;
import io.latchkey.testkit.QrDecoder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Credential pools end to end, on any {@link Store}: each store implementation extends this class. The
 * scenarios follow the PW-ID RT manual (seed 000).
 */
public abstract class CredentialPoolContractTest {

    protected static final Duration COOLDOWN = Duration.ofHours(1);

    protected Fixture fx;
    protected Latchkey credentials;
    protected Partner partner;
    protected Client client;
    protected Instant now;

    /** A new, empty store of the implementation under test. */
    protected abstract Store newStore();

    @BeforeEach
    public void setUp() {
        fx = new Fixture(newStore(), COOLDOWN);
        credentials = fx.latchkey;
        partner = fx.partner();
        client = fx.client(partner, "sav@elics.ru");
        now = fx.clock.instant();
    }

    private IssuanceView issue(Instant from, Instant to) {
        return credentials.issuing().issue(partner.manager(), new IssueRequest(client.id(), from, to, null), null);
    }

    @Test
    public void anIdempotencyKeyLongerThanItsColumnIsATypedRefusal() {
        fx.filledPool(partner, 1, PoolTerm.UNLIMITED);
        IssueRequest request = new IssueRequest(client.id(), now, now.plus(Duration.ofDays(1)), null);

        refused(ErrorCode.FIELD_TOO_LONG, "idempotencyKey", () -> credentials.issuing().issue(partner.manager(),
                request, "k".repeat(201)));
        refused(ErrorCode.FIELD_MALFORMED, "idempotencyKey", () -> credentials.issuing().issue(partner.manager(),
                request, "line\nbreak"));
        String longest = "k".repeat(200);
        IssuanceView first = credentials.issuing().issue(partner.manager(), request, longest);
        assertEquals(first, credentials.issuing().issue(partner.manager(), request, longest));
    }

    private String tokenOf(Notification mail) {
        String link = mail.parameter("link");
        return Fixture.token(link);
    }

    private String lastToken() {
        fx.runDueWork();
        return tokenOf(fx.mail.last(Templates.CREDENTIAL_ISSUED, client.email()));
    }

    @Test
    public void issuingSendsTheClientALinkAndQrInTheClientsLanguageAndZone() {
        fx.filledPool(partner, 3, PoolTerm.ONE_YEAR);
        IssuanceView view = issue(Instant.parse("2026-11-23T11:50:12Z"), Instant.parse("2026-11-24T11:49:15Z"));
        assertEquals(CredentialState.NEW, view.status());
        fx.runDueWork();

        Notification mail = fx.mail.last(Templates.CREDENTIAL_ISSUED, "sav@elics.ru");
        assertEquals(Language.RU, mail.language());
        assertEquals(view.issuance().label().toString(), mail.parameter("label"));
        assertEquals("2026-11-23 14:50", mail.parameter("validFrom"), "shown in Moscow time");
        assertEquals("Europe/Moscow", mail.parameter("timezone"));
        String link = mail.parameter("link");
        assertTrue(link.startsWith("https://portal.example.test/provision?token="), link);
        assertEquals(link, QrDecoder.decode(mail.attachments().get(0).content()));
        assertEquals(Templates.PARAMETERS.get(Templates.CREDENTIAL_ISSUED).stream().sorted().toList(),
                List.copyOf(mail.parameters().keySet()));

        Notification toManager = fx.mail.last(Templates.CREDENTIAL_ISSUED_MANAGER, partner.managerMember().email());
        assertEquals(Language.PL, toManager.language());
        assertEquals("sav@elics.ru", toManager.parameter("clientEmail"));
    }

    @Test
    public void aLinkIsExchangedOnceForADocumentThatVerifiesOffline() {
        fx.filledPool(partner, 1, PoolTerm.UNLIMITED);
        IssuanceView view = issue(now, now.plus(Duration.ofDays(1)));
        String token = lastToken();

        CredentialDocument document = credentials.provisioning().provision(token, "203.0.113.7");
        assertEquals(view.issuance().label(), document.label());
        CredentialDocument verified = CredentialDocument.verify(document.encoded(),
                fx.latchkey.keys().verificationKeys()).orElseThrow();
        assertEquals(document, verified);
        assertTrue(verified.validAt(now));
        assertTrue(verified.validAt(now.plus(Duration.ofDays(1)).minusNanos(1)));
        assertFalse(verified.validAt(now.minusNanos(1)), "not before its window");
        assertFalse(verified.validAt(now.plus(Duration.ofDays(1))), "nor from its end on");
        List<VerificationKey> stranger = InMemoryKeyStore.generate(RandomSource.seeded(99)).verificationKeys();
        assertTrue(CredentialDocument.verify(document.encoded(), stranger).isEmpty(), "another vendor's keys");
        List<VerificationKey> both = new ArrayList<>(stranger);
        both.addAll(fx.latchkey.keys().verificationKeys());
        assertEquals(Optional.of(document), CredentialDocument.verify(document.encoded(), both),
                "the key named in the document is the one used");
        assertEquals(CredentialState.ACTIVATED, credentials.credentials().credential(partner.manager(),
                document.label()).status());

        LatchkeyException again = refused(ErrorCode.PROVISIONING_TOKEN_USED, "token",
                () -> credentials.provisioning().provision(token, "203.0.113.7"));
        assertEquals(ErrorCategory.GONE, again.category());
    }

    @Test
    public void aCredentialActivatesOnlyOnceItsWindowHasStartedAndThePhoneHasIt() {
        fx.filledPool(partner, 1, PoolTerm.UNLIMITED);
        IssuanceView view = issue(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2)));
        Label label = view.issuance().label();
        credentials.provisioning().provision(lastToken(), "phone");
        assertEquals(CredentialState.NEW, credentials.credentials().credential(partner.manager(), label).status());

        fx.clock.advance(Duration.ofDays(1));
        CredentialView derived = credentials.credentials().credential(partner.manager(), label);
        assertEquals(CredentialState.ACTIVATED, derived.status(), "derived on read before the scheduler runs");
        assertEquals(CredentialState.NEW, derived.credential().state());

        fx.runDueWork();
        CredentialView persisted = credentials.credentials().credential(partner.manager(), label);
        assertEquals(CredentialState.ACTIVATED, persisted.credential().state());
        List<JournalEntry> history = credentials.credentials().history(partner.manager(), label, null, 100);
        JournalEntry last = history.get(history.size() - 1);
        assertEquals("ACTIVATE", last.event());
        assertEquals("system:scheduler", last.actor());
    }

    @Test
    public void aCredentialNeverDownloadedStaysNewAndEndsWithItsWindow() {
        fx.filledPool(partner, 1, PoolTerm.UNLIMITED);
        Label label = issue(now, now.plus(Duration.ofHours(2))).issuance().label();
        fx.clock.advance(Duration.ofHours(1));
        assertEquals(CredentialState.NEW, credentials.credentials().credential(partner.manager(), label).status());
        fx.clock.advance(Duration.ofHours(1));
        assertEquals(CredentialState.DEACTIVATED, credentials.credentials().credential(partner.manager(),
                label).status());
        fx.clock.advance(COOLDOWN);
        assertEquals(CredentialState.FREE, credentials.credentials().credential(partner.manager(), label).status());
        fx.runDueWork();
        CredentialView returned = credentials.credentials().credential(partner.manager(), label);
        assertEquals(CredentialState.FREE, returned.credential().state());
        assertTrue(returned.issuance().isEmpty());
        IssuanceView history = credentials.credentials().issuances(partner.manager(), IssuanceFilter.ALL, null,
                10).get(0);
        assertEquals(CredentialState.DEACTIVATED, history.status());
        assertEquals(EndReason.EXPIRED, history.issuance().endReason());
    }

    @Test
    public void revokingEndsAtOnceAndReturnsToThePoolAfterTheCooldownWithANewSecret() {
        fx.filledPool(partner, 1, PoolTerm.UNLIMITED);
        Label label = issue(now, now.plus(Duration.ofDays(30))).issuance().label();
        String oldToken = lastToken();

        IssuanceView revoked = credentials.issuing().revoke(partner.manager(), label, "guest left early");
        assertEquals(CredentialState.DEACTIVATED, revoked.status());
        assertEquals(EndReason.REVOKED, revoked.issuance().endReason());
        assertEquals(1, credentials.credentials().pool(partner.manager(), null).deactivated());
        refused(ErrorCode.CREDENTIAL_POOL_EMPTY, () -> issue(now, now.plus(Duration.ofDays(1))));
        refused(ErrorCode.PROVISIONING_TOKEN_USED, () -> credentials.provisioning().provision(oldToken, "phone"));

        fx.clock.advance(COOLDOWN);
        assertEquals(1, credentials.credentials().pool(partner.manager(), null).free());
        Client other = fx.client(partner, "guest2@example.test");
        IssuanceView reissued = credentials.issuing().issue(partner.manager(),
                new IssueRequest(other.id(), fx.clock.instant(), fx.clock.instant().plus(Duration.ofDays(1)), null),
                        null);
        assertEquals(label, reissued.issuance().label(), "the only credential came back");
        refused(ErrorCode.PROVISIONING_TOKEN_USED, () -> credentials.provisioning().provision(oldToken, "phone"));
        List<String> events = credentials.credentials().history(partner.manager(),
                label, null, 100).stream().map(JournalEntry::event).toList();
        assertEquals(List.of("CREATE", "ISSUE", "REVOKE", "RETURN", "ISSUE"), events);
    }

    @Test
    public void resendingKillsTheOldLink() {
        fx.filledPool(partner, 1, PoolTerm.UNLIMITED);
        Label label = issue(now, now.plus(Duration.ofDays(1))).issuance().label();
        String first = lastToken();
        credentials.issuing().resend(partner.manager(), label);
        String second = lastToken();
        assertNotEquals(first, second);
        refused(ErrorCode.PROVISIONING_TOKEN_USED, () -> credentials.provisioning().provision(first, "phone"));
        assertEquals(label, credentials.provisioning().provision(second, "phone").label());
        assertEquals(second, tokenOf(fx.mail.last(Templates.CREDENTIAL_ISSUED, client.email())));
        assertEquals(credentials.issuing().provisioningLink(partner.manager(), label).toString(),
                fx.mail.last(Templates.CREDENTIAL_ISSUED, client.email()).parameter("link"));
    }

    @Test
    public void anExpiredOrForgedLinkIsRefusedAndGuessingIsRateLimited() {
        fx.filledPool(partner, 1, PoolTerm.UNLIMITED);
        issue(now, now.plus(Duration.ofHours(1)));
        String token = lastToken();
        fx.clock.advance(Duration.ofHours(1));
        refused(ErrorCode.PROVISIONING_TOKEN_EXPIRED, "token", () -> credentials.provisioning().provision(token,
                "phone"));

        String forged = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        for (int i = 0; i < 20; i++) {
            refused(ErrorCode.PROVISIONING_TOKEN_INVALID, "token", () -> credentials.provisioning().provision(forged,
                    "198.51.100.1"));
        }
        LatchkeyException limited = refused(ErrorCode.TOO_MANY_ATTEMPTS,
                () -> credentials.provisioning().provision(token, "198.51.100.1"));
        assertEquals(ErrorCategory.RATE_LIMITED, limited.category());
        assertEquals(Duration.ofMinutes(15), limited.retryAfter().orElseThrow());
        refused(ErrorCode.PROVISIONING_TOKEN_EXPIRED, () -> credentials.provisioning().provision(token,
                "another-source"));
    }

    @Test
    public void aLinkThatWorksIsNotCountedAgainstItsSource() {
        fx.filledPool(partner, 25, PoolTerm.UNLIMITED);
        for (int i = 0; i < 25; i++) {
            issue(now, now.plus(Duration.ofHours(1)));
            assertEquals(CredentialState.ACTIVATED, credentials.credentials().credential(partner.manager(),
                    credentials.provisioning().provision(lastToken(), "198.51.100.1").label()).status());
        }
    }

    @Test
    public void aBadWindowIsRefusedNamingTheFieldAndChangesNothing() {
        fx.filledPool(partner, 2, PoolTerm.ONE_YEAR);
        fx.runDueWork();
        int mailsBefore = fx.mail.attempts();
        PoolSummary before = credentials.credentials().pool(partner.manager(), null);

        refused(ErrorCode.CREDENTIAL_WINDOW_INVALID, "validTo", () -> issue(now.plusSeconds(60), now.plusSeconds(60)));
        refused(ErrorCode.CREDENTIAL_WINDOW_INVALID, "validTo", () -> issue(now.plusSeconds(60), now));
        refused(ErrorCode.CREDENTIAL_WINDOW_IN_PAST, "validTo", () -> issue(now.minusSeconds(120),
                now.minusSeconds(60)));
        refused(ErrorCode.CREDENTIAL_WINDOW_OUTSIDE_CAPACITY, "validTo",
                () -> issue(now, Instant.parse("2027-11-24T00:00:00Z")));
        refused(ErrorCode.FIELD_REQUIRED, "validFrom", () -> issue(null, now.plusSeconds(60)));
        refused(ErrorCode.FIELD_REQUIRED, "clientId", () -> credentials.issuing().issue(partner.manager(),
                new IssueRequest(null, now, now.plusSeconds(60), null), null));
        refused(ErrorCode.FIELD_TOO_LONG, "description", () -> credentials.issuing().issue(partner.manager(),
                new IssueRequest(client.id(), now, now.plusSeconds(60), "x".repeat(1001)), null));

        // The last second of the capacity is still inside it.
        issue(now, Instant.parse("2027-11-23T23:59:59Z"));
        fx.runDueWork();
        assertEquals(before.free() - 1, credentials.credentials().pool(partner.manager(), null).free());
        assertTrue(fx.mail.attempts() > mailsBefore);
        assertEquals(1, credentials.credentials().issuances(partner.manager(), IssuanceFilter.ALL, null, 10).size());
    }

    @Test
    public void anEmptyPoolIsRefusedAndNoCredentialIsHandedOutTwice() {
        refused(ErrorCode.CREDENTIAL_POOL_EMPTY, () -> issue(now, now.plusSeconds(60)));
        fx.filledPool(partner, 3, PoolTerm.UNLIMITED);
        List<Label> labels = List.of(issue(now, now.plusSeconds(60)).issuance().label(),
                issue(now, now.plusSeconds(60)).issuance().label(), issue(now, now.plusSeconds(60)).issuance().label());
        assertEquals(3, labels.stream().distinct().count());
        refused(ErrorCode.CREDENTIAL_POOL_EMPTY, () -> issue(now, now.plusSeconds(60)));
        PoolSummary pool = credentials.credentials().pool(partner.manager(), null);
        assertEquals(0, pool.free());
        assertEquals(3, pool.issued());
        assertEquals(3, pool.capacity());
    }

    @Test
    public void anotherPartnerSeesNothingAndOnlyUpstreamDecidesOrders() {
        fx.filledPool(partner, 1, PoolTerm.UNLIMITED);
        Label label = issue(now, now.plusSeconds(3600)).issuance().label();
        Partner other = fx.partner();

        refused(ErrorCode.CREDENTIAL_NOT_FOUND, () -> credentials.credentials().credential(other.manager(), label));
        refused(ErrorCode.CREDENTIAL_NOT_FOUND, () -> credentials.issuing().revoke(other.admin(), label, null));
        refused(ErrorCode.CREDENTIAL_NOT_FOUND, () -> credentials.issuing().resend(other.admin(), label));
        refused(ErrorCode.ORGANIZATION_NOT_FOUND, () -> credentials.credentials().pool(other.manager(), partner.id()));
        refused(ErrorCode.ORGANIZATION_NOT_FOUND,
                () -> credentials.credentials().issuances(other.manager(), new IssuanceFilter(partner.id(), null, null,
                        null, null), null, 10));
        refused(ErrorCode.ORGANIZATION_NOT_FOUND, () -> credentials.clients().clients(other.manager(), partner.id(),
                null, 10));
        refused(ErrorCode.CLIENT_NOT_FOUND, () -> credentials.clients().client(other.manager(), client.id()));
        refused(ErrorCode.CLIENT_NOT_FOUND, "clientId", () -> credentials.issuing().issue(other.manager(),
                new IssueRequest(client.id(), now, now.plusSeconds(60), null), null));

        PoolOrder order = credentials.poolOrders().placeOrder(partner.manager(), 5, PoolTerm.TWO_YEARS, null);
        refused(ErrorCode.PERMISSION_DENIED, () -> credentials.poolOrders().completeOrder(partner.admin(), order.id()));
        refused(ErrorCode.POOL_ORDER_NOT_FOUND, () -> credentials.poolOrders().completeOrder(other.admin(),
                order.id()));
        refused(ErrorCode.POOL_ORDER_NOT_FOUND, () -> credentials.poolOrders().order(other.admin(), order.id()));

        // The operator sees every pool, and may revoke (a lost phone reported to it).
        assertEquals(1, credentials.credentials().pool(fx.operatorAdmin, partner.id()).issued());
        assertEquals(CredentialState.DEACTIVATED, credentials.issuing().revoke(fx.operatorAdmin, label,
                "lost phone").status());
    }

    @Test
    public void issuingOnEightThreadsNeverHandsOutACredentialTwiceNorLosesOne() throws Exception {
        int threads = 8;
        int perThread = 25;
        int poolSize = 150;
        fx.filledPool(partner, poolSize, PoolTerm.UNLIMITED);
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Object>>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(executor.submit(() -> {
                start.await();
                List<Object> outcomes = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    try {
                        outcomes.add(issue(now, now.plusSeconds(3600)).issuance().label());
                    } catch (LatchkeyException e) {
                        outcomes.add(e.code());
                    }
                }
                return outcomes;
            }));
        }
        start.countDown();
        List<Object> all = new ArrayList<>();
        for (Future<List<Object>> result : results) {
            all.addAll(result.get(60, TimeUnit.SECONDS));
        }
        executor.shutdown();

        List<Object> labels = all.stream().filter(o -> o instanceof Label).toList();
        assertEquals(poolSize, labels.size(), "every credential was issued");
        assertEquals(poolSize, labels.stream().distinct().count(), "none twice");
        assertEquals(threads * perThread - poolSize,
                all.stream().filter(o -> o == ErrorCode.CREDENTIAL_POOL_EMPTY).count(),
                        "the rest found the pool empty");
        PoolSummary pool = credentials.credentials().pool(partner.manager(), null);
        assertEquals(0, pool.free());
        assertEquals(poolSize, pool.issued());
        assertEquals(poolSize, credentials.credentials().issuances(partner.manager(), IssuanceFilter.ALL, null,
                1000).size());
    }

    @Test
    public void aRepeatedIssueWithTheSameKeyReturnsTheFirstIssuance() {
        fx.filledPool(partner, 5, PoolTerm.UNLIMITED);
        IssueRequest request = new IssueRequest(client.id(), now, now.plusSeconds(600), "gate");
        IssuanceView first = credentials.issuing().issue(partner.manager(), request, "key-1");
        IssuanceView again = credentials.issuing().issue(partner.manager(), request, "key-1");
        assertEquals(first.issuance().id(), again.issuance().id());
        assertEquals(4, credentials.credentials().pool(partner.manager(), null).free());
        refused(ErrorCode.IDEMPOTENCY_KEY_REUSED, () -> credentials.issuing().issue(partner.manager(),
                new IssueRequest(client.id(), now, now.plusSeconds(601), "gate"), "key-1"));
        fx.runDueWork();
        assertEquals(1, fx.mail.deliveredTo(client.email()).size());
    }

    @Test
    public void managersHearOnceWhenThePoolIsNearlyEmpty() {
        fx.filledPool(partner, 10, PoolTerm.UNLIMITED);
        for (int i = 0; i < 8; i++) {
            issue(now, now.plusSeconds(600));
        }
        fx.runDueWork();
        assertTrue(fx.mail.delivered().stream().noneMatch(n -> n.template().equals(Templates.POOL_NEARLY_EMPTY)));
        issue(now, now.plusSeconds(600));
        issue(now, now.plusSeconds(600));
        fx.runDueWork();
        List<Notification> warnings = fx.mail.delivered().stream()
                .filter(n -> n.template().equals(Templates.POOL_NEARLY_EMPTY)).toList();
        assertEquals(2, warnings.size(), "once to the admin and once to the manager");
        assertEquals("1", warnings.get(0).parameter("free"));
        assertEquals("10", warnings.get(0).parameter("capacity"));
    }

    @Test
    public void completingAnOrderMintsItsCredentialsAndTellsTheManagers() {
        fx.clock.set(Instant.parse("2021-05-14T10:44:00Z"));
        PoolOrder placed = credentials.poolOrders().placeOrder(partner.manager(), 3, PoolTerm.ONE_YEAR, null);
        assertEquals(PoolOrderStatus.NEW, placed.status());
        assertEquals(Instant.parse("2022-05-14T23:59:59Z"), placed.validUntil(), "15/05/2022 02:59 in Moscow");
        assertEquals(0, credentials.credentials().pool(partner.manager(), null).capacity());

        PoolOrder completed = credentials.poolOrders().completeOrder(fx.operatorAdmin, placed.id());
        assertEquals(PoolOrderStatus.COMPLETED, completed.status());
        assertEquals(fx.clock.instant(), completed.decidedAt());
        PoolSummary pool = credentials.credentials().pool(partner.manager(), null);
        assertEquals(3, pool.free());
        assertEquals(placed.validUntil(), pool.capacityExpiresAt().orElseThrow());
        fx.runDueWork();
        Notification mail = fx.mail.last(Templates.POOL_ORDER_COMPLETED, partner.managerMember().email());
        assertEquals("2022-05-15 02:59", mail.parameter("validUntil"));
        assertEquals(Long.toString(placed.number()), mail.parameter("orderNumber"));

        refused(ErrorCode.TRANSITION_NOT_ALLOWED, () -> credentials.poolOrders().completeOrder(fx.operatorAdmin,
                placed.id()));
        refused(ErrorCode.TRANSITION_NOT_ALLOWED, () -> credentials.poolOrders().rejectOrder(fx.operatorAdmin,
                placed.id(), null));
        assertEquals(3, credentials.credentials().pool(partner.manager(), null).free(),
                "completing twice mints nothing more");
    }

    @Test
    public void anOrderPastItsValidityCannotBeCompletedAndCapacityEndsWithIt() {
        PoolOrder stale = credentials.poolOrders().placeOrder(partner.manager(), 1, PoolTerm.ONE_YEAR, null);
        PoolOrder fresh = credentials.poolOrders().placeOrder(partner.manager(), 2, PoolTerm.ONE_YEAR, null);
        credentials.poolOrders().completeOrder(fx.operatorAdmin, fresh.id());
        fx.clock.advance(Duration.ofDays(367));
        refused(ErrorCode.POOL_ORDER_EXPIRED, () -> credentials.poolOrders().completeOrder(fx.operatorAdmin,
                stale.id()));
        PoolSummary pool = credentials.credentials().pool(partner.manager(), null);
        assertEquals(0, pool.free());
        assertEquals(2, pool.expired());
        Instant later = fx.clock.instant();
        refused(ErrorCode.CREDENTIAL_POOL_EMPTY, () -> issue(later, later.plusSeconds(60)));
    }

    @Test
    public void ordersAreListedForTheirPartnerAndAllOfThemForTheOperator() {
        Partner other = fx.partner();
        PoolOrder mine = credentials.poolOrders().placeOrder(partner.manager(), 1, PoolTerm.UNLIMITED, null);
        PoolOrder theirs = credentials.poolOrders().placeOrder(other.manager(), 2, PoolTerm.UNLIMITED, null);
        assertEquals(List.of(mine.id()), credentials.poolOrders().orders(partner.manager(), null,
                50).stream().map(PoolOrder::id).toList());
        assertEquals(List.of(theirs.id(), mine.id()),
                credentials.poolOrders().orders(fx.operatorAdmin, null, 50).stream().map(PoolOrder::id).toList());
        assertTrue(theirs.number() > mine.number());
        refused(ErrorCode.POOL_ORDER_SIZE_INVALID, "size", () ->
                credentials.poolOrders().placeOrder(partner.manager(), 0, PoolTerm.UNLIMITED, null));
        refused(ErrorCode.FIELD_REQUIRED, "term", () -> credentials.poolOrders().placeOrder(partner.manager(), 1,
                null, null));
        refused(ErrorCode.POOL_NOT_AVAILABLE, () -> credentials.poolOrders().placeOrder(fx.operatorAdmin, 1,
                PoolTerm.UNLIMITED, null));
    }

    @Test
    public void clientsAreCheckedAndUniquePerPartner() {
        refused(ErrorCode.EMAIL_INVALID, "email", () -> fx.client(partner, "not-an-address"));
        refused(ErrorCode.FIELD_REQUIRED, "email", () -> credentials.clients().createClient(partner.manager(),
                new ClientDraft(" ", "x", "Europe/Moscow", "ru", null)));
        refused(ErrorCode.TIMEZONE_UNKNOWN, "timezone", () -> credentials.clients().createClient(partner.manager(),
                new ClientDraft("a@b.test", "x", "Moscow", "ru", null)));
        refused(ErrorCode.TIMEZONE_UNKNOWN, "timezone", () -> credentials.clients().createClient(partner.manager(),
                new ClientDraft("a@b.test", "x", "+03:00", "ru", null)));
        refused(ErrorCode.LANGUAGE_UNSUPPORTED, "language", () -> credentials.clients().createClient(partner.manager(),
                new ClientDraft("a@b.test", "x", "Europe/Moscow", "de", null)));
        refused(ErrorCode.FIELD_REQUIRED, "language", () -> credentials.clients().createClient(partner.manager(),
                new ClientDraft("a@b.test", "x", "Europe/Moscow", null, null)));
        // "Заполнить Email адрес …, имя клиента, часовой пояс и язык. Эти поля обязательны для заполнения."
        for (String noName : new String[] {null, "", "  "}) {
            refused(ErrorCode.FIELD_REQUIRED, "fullName", () -> credentials.clients().createClient(partner.manager(),
                    new ClientDraft("a@b.test", noName, "Europe/Moscow", "ru", null)));
            refused(ErrorCode.FIELD_REQUIRED, "fullName", () -> credentials.clients().updateClient(partner.manager(),
                    client.id(), new ClientDraft("sav@elics.ru", noName, "Europe/Moscow", "ru", null)));
        }
        refused(ErrorCode.CLIENT_EMAIL_TAKEN, "email", () -> fx.client(partner, "SAV@elics.ru"));
        assertEquals(1, credentials.clients().clients(partner.manager(), null, null, 10).size(), "nothing was added");

        Partner other = fx.partner();
        fx.client(other, "sav@elics.ru");

        Client edited = credentials.clients().updateClient(partner.manager(), client.id(),
                new ClientDraft("vlad@elics.ru", "Vlad", "Europe/Warsaw", "pl", "tenant, flat 12"));
        assertEquals("vlad@elics.ru", edited.email());
        assertEquals(Language.PL, edited.language());
        assertEquals(client.version() + 1, edited.version());
        Client second = fx.client(partner, "sav@elics.ru");
        refused(ErrorCode.CLIENT_EMAIL_TAKEN, "email", () -> credentials.clients().updateClient(partner.manager(),
                second.id(),
                new ClientDraft("vlad@elics.ru", "Другой", "Europe/Moscow", "ru", null)));
        assertEquals(List.of("sav@elics.ru", "vlad@elics.ru"), credentials.clients().clients(partner.manager(), null,
                null, 10)
                .stream().map(Client::email).toList());
        assertFalse(credentials.clients().clients(partner.manager(), null, "sav@elics.ru", 10).isEmpty());
    }

    @Test
    public void theLabelsListShowsTheClientAndTheTwoFactsThatMakeALabelActivated() {
        // "A45EFD1553FB806C  НОВАЯ  Влад (sav@elics.ru)  2021-09-08 14:50:12  2021-09-09 14:49:15", issued at
        // 14:50:12 and still NEW: activation needs the window started and the phone to have it.
        fx.filledPool(partner, 3, PoolTerm.UNLIMITED);
        Instant day = now.plus(Duration.ofDays(1));
        Label early = issue(day, day.plus(Duration.ofDays(1))).issuance().label();
        credentials.provisioning().provision(lastToken(), "phone");
        Label waiting = issue(now, day).issuance().label();
        Label active = issue(now, day).issuance().label();
        credentials.provisioning().provision(lastToken(), "phone");

        List<String> rows = credentials.credentials().issuances(partner.manager(), IssuanceFilter.ALL, null, 10)
                .stream().map(v -> v.issuance().label() + " " + v.status() + " " + v.client().fullName() + " ("
                        + v.client().email() + ") downloaded " + v.downloadedAt().map(Instant::toString).orElse("no")
                        + ", window started " + (v.windowStarted() ? "yes" : "no")).toList();
        assertEquals(List.of(
                active + " ACTIVATED Влад (sav@elics.ru) downloaded " + now + ", window started yes",
                waiting + " NEW Влад (sav@elics.ru) downloaded no, window started yes",
                early + " NEW Влад (sav@elics.ru) downloaded " + now + ", window started no"), rows);
    }

    @Test
    public void theLabelsListFiltersByStatusClientAndPeriodAndPages() {
        fx.filledPool(partner, 4, PoolTerm.UNLIMITED);
        Client other = credentials.clients().createClient(partner.manager(), new ClientDraft("anna@elics.ru", "Анна",
                "Europe/Moscow", "ru", null));
        Instant day = now.plus(Duration.ofDays(1));
        Label tomorrow = issue(day, day.plus(Duration.ofDays(1))).issuance().label();
        Label today = issue(now, day).issuance().label();
        Label anna = credentials.issuing().issue(partner.manager(), new IssueRequest(other.id(), now, day, null),
                null).issuance().label();
        Label revoked = issue(now, day).issuance().label();
        credentials.issuing().revoke(partner.manager(), revoked, "lost phone");

        assertEquals(List.of(anna, today, tomorrow), labels(new IssuanceFilter(null, null, CredentialState.NEW, null,
                null), null, 10));
        assertEquals(List.of(anna), labels(new IssuanceFilter(null, other.id(), null, null, null), null, 10));
        assertEquals(List.of(tomorrow), labels(new IssuanceFilter(null, null, null, day, null), null, 10),
                "a window that ends when the period starts is outside it");
        assertEquals(List.of(revoked, anna, today), labels(new IssuanceFilter(null, null, null, null, day), null, 10),
                "one that starts when the period ends too");
        List<IssuanceView> first = credentials.credentials().issuances(partner.manager(), IssuanceFilter.ALL, null, 3);
        assertEquals(List.of(tomorrow), labels(IssuanceFilter.ALL, first.get(2).issuance().id(), 3), "the next page");
        refused(ErrorCode.FIELD_MALFORMED, "to", () -> labels(new IssuanceFilter(null, null, null, day, now), null,
                10));
        refused(ErrorCode.FIELD_MALFORMED, "to", () -> labels(new IssuanceFilter(null, null, null, day, day), null,
                10));
    }

    private List<Label> labels(IssuanceFilter filter, IssuanceId before, int limit) {
        return credentials.credentials().issuances(partner.manager(), filter, before, limit).stream()
                .map(v -> v.issuance().label()).toList();
    }

    @Test
    public void theDealerSeesEveryOrderAwaitingItsDecisionInOneInboxAndIsEmailed() {
        // "Для того чтобы оформить заказ у Вашего дилера необходимо нажать Создать заказ. … статус "новый"."
        Actor first = subPartner("Дилерский центр 1");
        Actor second = subPartner("Дилерский центр 2");
        fx.mail.clear();
        PoolOrder a = credentials.poolOrders().placeOrder(first, 3, PoolTerm.ONE_YEAR, null);
        PoolOrder b = credentials.poolOrders().placeOrder(second, 1, PoolTerm.UNLIMITED, null);
        PoolOrder c = credentials.poolOrders().placeOrder(first, 2, PoolTerm.TWO_YEARS, null);
        PoolOrder own = credentials.poolOrders().placeOrder(partner.manager(), 5, PoolTerm.UNLIMITED, null);
        assertEquals(partner.id(), a.dealer());
        assertEquals(fx.operator.id(), own.dealer());

        assertEquals(List.of(c.id(), b.id(), a.id()), ids(credentials.poolOrders().inbox(partner.manager(), null, 10)),
                "every partner below it, newest first");
        assertEquals(List.of(c.id(), b.id()), ids(credentials.poolOrders().inbox(partner.admin(), null, 2)));
        assertEquals(List.of(a.id()), ids(credentials.poolOrders().inbox(partner.admin(), b.number(), 2)));
        assertEquals(List.of(own.id()), ids(credentials.poolOrders().inbox(fx.operatorAdmin, null, 10)),
                "the operator decides only what was placed with it");
        assertEquals(List.of(), credentials.poolOrders().inbox(first, null, 10));
        credentials.poolOrders().completeOrder(partner.admin(), b.id());
        credentials.poolOrders().rejectOrder(partner.manager(), a.id(), "too many");
        assertEquals(List.of(c.id()), ids(credentials.poolOrders().inbox(partner.manager(), null, 10)),
                "decided ones leave it");

        fx.runDueWork();
        Notification toManager = fx.mail.last(Templates.POOL_ORDER_PLACED, partner.managerMember().email());
        assertEquals(List.of(Long.toString(c.number()), "Дилерский центр 1", "2", "2 lata",
                "https://portal.example.test/pool-orders/inbox"), List.of(toManager.parameter("orderNumber"),
                toManager.parameter("partner"), toManager.parameter("size"), toManager.parameter("term"),
                toManager.parameter("link")));
        assertEquals(Language.PL, toManager.language());
        assertEquals(3, fx.mail.deliveredTo(partner.managerMember().email()).stream()
                .filter(n -> n.template().equals(Templates.POOL_ORDER_PLACED)).count(), "one per order placed");
        assertEquals("unlimited", fx.mail.last(Templates.POOL_ORDER_PLACED, "admin@operator.test").parameter("term"));
    }

    @Test
    public void aManagerChangesItsOwnLanguageInTheProfileAndHearsInIt() {
        // "Профиль Rus Выход": the profile is the channel's own (members().updateDetails), one implementation.
        fx.latchkey.members().updateDetails(partner.manager(), partner.managerMember().id(),
                new MemberDetails("Manager", "ru", null));
        PoolOrder placed = credentials.poolOrders().placeOrder(partner.manager(), 1, PoolTerm.UNLIMITED, null);
        credentials.poolOrders().completeOrder(fx.operatorAdmin, placed.id());
        fx.runDueWork();
        assertEquals(Language.RU, fx.mail.last(Templates.POOL_ORDER_COMPLETED, partner.managerMember().email())
                .language());
    }

    /** A partner below {@link #partner} (its dealer), with its first administrator signed in. */
    private Actor subPartner(String name) {
        Organization organization = fx.latchkey.organizations().createOrganization(fx.operatorAdmin,
                new OrganizationDraft(OrgKind.PARTNER, name, partner.id(), "Europe/Moscow", "ru", new Requisites(
                        "7707083893", "Екатеринбург, ул. Ленина, 1", "Петров П. П.", "+7 343 123-45-67", "ru")));
        Member admin = fx.latchkey.members().addMember(fx.operatorAdmin, organization.id(),
                new MemberDraft(Math.abs(name.hashCode()) + "@dealer.test", "Admin", "ru", Set.of(Role.ADMIN)));
        return fx.confirmed(admin, Fixture.MEMBER_PASSWORD);
    }

    private static List<PoolOrderId> ids(List<PoolOrder> orders) {
        return orders.stream().map(PoolOrder::id).toList();
    }
}
