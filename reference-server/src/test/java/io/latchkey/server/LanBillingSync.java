package io.latchkey.server;

import io.latchkey.billing.AccessState;
import io.latchkey.billing.GatewayResult;
import io.latchkey.lanbilling.LanBillingEmulator;
import io.latchkey.lanbilling.LanBillingGateway;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;

/**
 * A LANBilling for the server's tests: the adapter's emulator (real SOAP over loopback), the server settings that
 * point a server at it, and the billing manager's steps that make an apartment or block its account.
 */
final class LanBillingSync implements AutoCloseable {

    final LanBillingEmulator billing;
    private final LanBillingGateway manager;
    private int keys;

    LanBillingSync() {
        try {
            billing = new LanBillingEmulator();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        manager = LanBillingGateway.builder().endpoint(billing.endpoint()).login("latchkey", "secret")
                .intercomService(7, 0).build();
    }

    /** The settings that make a server sync from this billing (hourly: tests sync with the API). */
    Map<String, String> settings() {
        return Map.of("LATCHKEY_LANBILLING_URL", billing.endpoint().toString(), "LATCHKEY_LANBILLING_LOGIN",
                "latchkey", "LATCHKEY_LANBILLING_PASSWORD", "secret", "LATCHKEY_LANBILLING_INTERCOM_TARIFFS", "7:0",
                "LATCHKEY_LANBILLING_SYNC_SECONDS", "3600");
    }

    /** The seed's steps: a subscriber, an agreement, an account with the platform login, the intercom service. */
    String apartment(String login, String address) {
        String uid = id(manager.upsertSubscriber("k" + ++keys, "Иванов И. И.", "+79123456789", null));
        String agreement = id(manager.openAgreement("k" + ++keys, uid, "Д-" + keys));
        String account = id(manager.createAccount("k" + ++keys, agreement, "1", "7", address));
        id(manager.setExtraField("k" + ++keys, account, "isvyaz_login", login));
        id(manager.startService("k" + ++keys, account, Instant.now()));
        return account;
    }

    void block(String account, AccessState state) {
        id(manager.setAccessState("k" + ++keys, account, state));
    }

    private static String id(GatewayResult result) {
        if (result instanceof GatewayResult.Succeeded succeeded) {
            return succeeded.id();
        }
        throw new IllegalStateException("the billing refused a step: " + result);
    }

    @Override
    public void close() {
        manager.close();
        billing.close();
    }
}
