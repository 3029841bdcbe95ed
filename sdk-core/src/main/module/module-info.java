/**
 * Latchkey's domain SDK. It exports the API packages; {@code io.latchkey.internal} (input checks, the factory of
 * actors that hold something) stays inside.
 */
// ZXing, jdbi and Flyway are automatic modules: they name themselves in their manifests or by their jar.
@SuppressWarnings("requires-automatic")
module io.latchkey.sdk.core {
    requires org.bouncycastle.provider;
    requires com.google.zxing;
    requires java.desktop;
    requires java.logging;

    exports io.latchkey;
    exports io.latchkey.access;
    exports io.latchkey.billing;
    exports io.latchkey.credential;
    exports io.latchkey.crypto;
    exports io.latchkey.device;
    exports io.latchkey.keys;
    exports io.latchkey.license;
    exports io.latchkey.limits;
    exports io.latchkey.lifecycle;
    exports io.latchkey.notify;
    exports io.latchkey.party;
    exports io.latchkey.store;
    exports io.latchkey.subscription;
    exports io.latchkey.time;
}
