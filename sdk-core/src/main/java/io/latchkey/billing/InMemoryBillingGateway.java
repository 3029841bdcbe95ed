package io.latchkey.billing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A billing in memory, for tests and examples: subscribers, agreements, accounts with extra fields and access
 * states, periodic services that run from a start to an end by the clock. Writes remember their idempotency key
 * and answer a repeat as the first time.
 *
 * <p>Thread-safe.
 */
public final class InMemoryBillingGateway implements BillingGateway {

    /** The extra field that names the platform login, as the seed has it. */
    public static final String LOGIN_FIELD = "isvyaz_login";

    private final Clock clock;
    private final Map<String, GatewayResult> done = new HashMap<>();
    private final Map<String, String> subscribers = new HashMap<>();
    private final Map<String, String> agreements = new HashMap<>();
    private final TreeMap<String, Account> accounts = new TreeMap<>();
    private final Map<String, Service> services = new HashMap<>();
    private int ids;

    public InMemoryBillingGateway(Clock clock) {
        this.clock = clock;
    }

    private static final class Account {
        final String address;
        final Map<String, String> fields = new HashMap<>();
        AccessState state = AccessState.ACTIVE;

        Account(String address) {
            this.address = address;
        }
    }

    private static final class Service {
        final String accountId;
        final Instant from;
        Instant to;

        Service(String accountId, Instant from) {
            this.accountId = accountId;
            this.from = from;
        }
    }

    @Override
    public synchronized AccountPage accounts(String cursor, int limit) {
        List<BillingAccount> page = new ArrayList<>();
        Map<String, Account> rest = cursor == null ? accounts : accounts.tailMap(cursor, true);
        String next = null;
        for (String id : rest.keySet()) {
            if (page.size() == limit) {
                next = id;
                break;
            }
            page.add(view(id));
        }
        return new AccountPage(page, next);
    }

    @Override
    public synchronized Optional<BillingAccount> account(String accountId) {
        return accounts.containsKey(accountId) ? Optional.of(view(accountId)) : Optional.empty();
    }

    private BillingAccount view(String id) {
        Account account = accounts.get(id);
        Instant now = clock.instant();
        boolean running = services.values().stream().anyMatch(s -> s.accountId.equals(id) && !s.from.isAfter(now)
                && (s.to == null || s.to.isAfter(now)));
        return new BillingAccount(id, account.fields.get(LOGIN_FIELD), account.address, account.state, running);
    }

    @Override
    public synchronized GatewayResult upsertSubscriber(String idempotencyKey, String name, String phone,
                                                       String email) {
        return once(idempotencyKey, () -> {
            String id = next("s");
            subscribers.put(id, name);
            return new GatewayResult.Succeeded(id);
        });
    }

    @Override
    public synchronized GatewayResult openAgreement(String idempotencyKey, String subscriberId, String number) {
        return once(idempotencyKey, () -> {
            if (!subscribers.containsKey(subscriberId)) {
                return new GatewayResult.Declined("no subscriber " + subscriberId);
            }
            String id = next("a");
            agreements.put(id, subscriberId);
            return new GatewayResult.Succeeded(id);
        });
    }

    @Override
    public synchronized GatewayResult createAccount(String idempotencyKey, String agreementId, String agentId,
                                                    String tariffId, String address) {
        return once(idempotencyKey, () -> {
            if (!agreements.containsKey(agreementId)) {
                return new GatewayResult.Declined("no agreement " + agreementId);
            }
            String id = next("v");
            accounts.put(id, new Account(address));
            return new GatewayResult.Succeeded(id);
        });
    }

    @Override
    public synchronized GatewayResult setExtraField(String idempotencyKey, String accountId, String name,
                                                    String value) {
        return once(idempotencyKey, () -> {
            Account account = accounts.get(accountId);
            if (account == null) {
                return new GatewayResult.Declined("no account " + accountId);
            }
            account.fields.put(name, value);
            return new GatewayResult.Succeeded(accountId);
        });
    }

    @Override
    public synchronized GatewayResult startService(String idempotencyKey, String accountId, Instant from) {
        return once(idempotencyKey, () -> {
            if (!accounts.containsKey(accountId)) {
                return new GatewayResult.Declined("no account " + accountId);
            }
            String id = next("u");
            services.put(id, new Service(accountId, from));
            return new GatewayResult.Succeeded(id);
        });
    }

    @Override
    public synchronized GatewayResult scheduleServiceEnd(String idempotencyKey, String serviceId, Instant at) {
        return once(idempotencyKey, () -> {
            Service service = services.get(serviceId);
            if (service == null) {
                return new GatewayResult.Declined("no service " + serviceId);
            }
            service.to = at;
            return new GatewayResult.Succeeded(serviceId);
        });
    }

    @Override
    public synchronized GatewayResult endServiceNow(String idempotencyKey, String serviceId) {
        return scheduleServiceEnd(idempotencyKey, serviceId, clock.instant());
    }

    @Override
    public synchronized GatewayResult setAccessState(String idempotencyKey, String accountId, AccessState state) {
        return once(idempotencyKey, () -> {
            Account account = accounts.get(accountId);
            if (account == null) {
                return new GatewayResult.Declined("no account " + accountId);
            }
            account.state = state;
            return new GatewayResult.Succeeded(accountId);
        });
    }

    private GatewayResult once(String idempotencyKey, Supplier<GatewayResult> write) {
        return done.computeIfAbsent(idempotencyKey, k -> write.get());
    }

    /** Ids in the order they were made, as the billing hands them out. */
    private String next(String kind) {
        return String.format("%s%08d", kind, ++ids);
    }
}
