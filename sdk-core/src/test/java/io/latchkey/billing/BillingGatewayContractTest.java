package io.latchkey.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The contract of the {@link BillingGateway} port, which every billing adapter passes: what the sync reads (full
 * passes in pages, one account) and what an integrator writes (the seed's steps), each write idempotent by its
 * key. Implementations extend this class.
 */
public abstract class BillingGatewayContractTest {

    private int keys;

    /** A gateway to an empty billing of the implementation under test. */
    protected abstract BillingGateway gateway();

    /** The billing's time now. */
    protected abstract Instant now();

    /** Moves the billing's clock on. */
    protected abstract void advance(Duration duration);

    /** A service agent the billing knows. */
    protected String agentId() {
        return "agent-1";
    }

    /** The intercom tariff the billing knows. */
    protected String tariffId() {
        return "intercom";
    }

    /** The extra field that names the platform login. */
    protected String loginField() {
        return InMemoryBillingGateway.LOGIN_FIELD;
    }

    private String key() {
        return "contract-" + ++keys;
    }

    private static String id(GatewayResult result) {
        return assertInstanceOf(GatewayResult.Succeeded.class, result, String.valueOf(result)).id();
    }

    private String account(String login, String address) {
        String subscriber = id(gateway().upsertSubscriber(key(), "Иванов Иван", "+79123456789", null));
        String agreement = id(gateway().openAgreement(key(), subscriber, "Д-" + keys));
        String account = id(gateway().createAccount(key(), agreement, agentId(), tariffId(), address));
        id(gateway().setExtraField(key(), account, loginField(), login));
        return account;
    }

    @Test
    public void theSeedsStepsMakeAnAccountTheSyncReads() {
        String account = account("ivanov", "Москва, ул. Ленина, 1, кв. 5");
        assertEquals(Optional.of(new BillingAccount(account, "ivanov", "Москва, ул. Ленина, 1, кв. 5",
                AccessState.ACTIVE, false)), gateway().account(account), "no service yet");
        String service = id(gateway().startService(key(), account, now()));
        assertTrue(gateway().account(account).orElseThrow().serviceActive());

        id(gateway().setAccessState(key(), account, AccessState.BLOCKED_BALANCE));
        assertEquals(AccessState.BLOCKED_BALANCE, gateway().account(account).orElseThrow().state());
        id(gateway().scheduleServiceEnd(key(), service, now().plus(Duration.ofDays(2))));
        advance(Duration.ofDays(1));
        assertTrue(gateway().account(account).orElseThrow().serviceActive(), "until its end");
        advance(Duration.ofDays(1));
        assertEquals(false, gateway().account(account).orElseThrow().serviceActive(), "ended");

        String second = id(gateway().startService(key(), account, now()));
        id(gateway().endServiceNow(key(), second));
        assertEquals(false, gateway().account(account).orElseThrow().serviceActive());
        assertEquals(Optional.empty(), gateway().account("no-such-account"));
    }

    @Test
    public void aWriteRepeatedWithItsKeyIsDoneOnce() {
        String subscriber = id(gateway().upsertSubscriber("once-1", "Иванов Иван", "+79123456789", null));
        String agreement = id(gateway().openAgreement("once-2", subscriber, "Д-1"));
        String first = id(gateway().createAccount("once-3", agreement, agentId(), tariffId(), "кв. 5"));
        assertEquals(first, id(gateway().createAccount("once-3", agreement, agentId(), tariffId(), "кв. 5")));
        assertEquals(1, gateway().accounts(null, 100).accounts().size());
    }

    @Test
    public void aWriteNamingWhatTheBillingDoesNotHaveIsDeclined() {
        assertInstanceOf(GatewayResult.Declined.class, gateway().openAgreement(key(), "no-such-subscriber", "Д-1"));
        assertInstanceOf(GatewayResult.Declined.class, gateway().setAccessState(key(), "no-such-account",
                AccessState.DISABLED));
    }

    @Test
    public void aFullPassReadsEveryAccountOnceInPages() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            made.add(account("user" + i, "кв. " + i));
        }
        List<String> read = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            AccountPage page = gateway().accounts(cursor, 3);
            assertTrue(page.accounts().size() <= 3);
            page.accounts().forEach(a -> read.add(a.accountId()));
            cursor = page.next();
            pages++;
        } while (cursor != null);
        assertEquals(3, pages);
        assertEquals(made.stream().sorted().toList(), read.stream().sorted().toList());
        assertEquals(read.stream().distinct().count(), read.size());
    }
}
