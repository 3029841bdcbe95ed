/** Latchkey's mail: SMTP and a mailbox folder. */
module io.latchkey.mail {
    requires transitive io.latchkey.sdk.core;
    requires transitive jakarta.mail;
    requires java.logging;
    requires org.eclipse.angus.mail;

    exports io.latchkey.mail;
}
