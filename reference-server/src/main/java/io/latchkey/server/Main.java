package io.latchkey.server;

/**
 * Runs the reference server with the configuration of the {@code LATCHKEY_*} environment variables until the
 * process is told to stop (SIGTERM, Ctrl-C), then stops it gracefully.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        LatchkeyServer server = LatchkeyServer.start(Settings.from(System.getenv(), args));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "latchkey-shutdown"));
    }
}
