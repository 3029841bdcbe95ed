/** Latchkey's billing gateway over LANBilling's SOAP API. */
module io.latchkey.lanbilling {
    requires transitive io.latchkey.sdk.core;
    requires java.net.http;
    requires java.xml;

    exports io.latchkey.lanbilling;
}
