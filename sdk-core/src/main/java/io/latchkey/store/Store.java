package io.latchkey.store;

import io.latchkey.credential.ClientRepository;
import io.latchkey.credential.CredentialRepository;
import io.latchkey.credential.IssuanceRepository;
import io.latchkey.credential.PoolOrderRepository;
import io.latchkey.device.DeviceRepository;
import io.latchkey.license.ActivationRepository;
import io.latchkey.license.DocumentRepository;
import io.latchkey.license.LicenseRepository;
import io.latchkey.lifecycle.JournalRepository;
import io.latchkey.notify.OutboxRepository;
import io.latchkey.party.ConnectionRepository;
import io.latchkey.party.CustomerRepository;
import io.latchkey.party.FirmRepository;
import io.latchkey.party.SiteRepository;
import io.latchkey.subscription.HubRepository;
import io.latchkey.subscription.PackageRepository;
import io.latchkey.subscription.SubscriptionRepository;
import io.latchkey.party.MemberRepository;
import io.latchkey.party.OrganizationRepository;

/**
 * The storage port: one repository per aggregate, and the {@link Transactions} boundary they run in.
 * Implementations: {@link InMemoryStore} here, {@code JdbcStore} in adapters-jdbc. Each must pass the store
 * contract tests of sdk-core's test-jar.
 *
 * <p>Implementations are thread-safe. Repository methods must be called inside
 * {@link #inTransaction}; outside one they throw {@link IllegalStateException}.
 */
public interface Store extends Transactions {

    OrganizationRepository organizations();

    MemberRepository members();

    CustomerRepository customers();

    ConnectionRepository connections();

    FirmRepository firms();

    SiteRepository sites();

    PoolOrderRepository poolOrders();

    ClientRepository clients();

    CredentialRepository credentials();

    IssuanceRepository issuances();

    DeviceRepository devices();

    LicenseRepository licenses();

    DocumentRepository documents();

    ActivationRepository activations();

    PackageRepository packages();

    HubRepository hubs();

    SubscriptionRepository subscriptions();

    JournalRepository journal();

    OutboxRepository outbox();

    IdempotencyRepository idempotency();
}
