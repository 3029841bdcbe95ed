package io.latchkey.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PostgreSQL's own benchmark, the baseline of issuance: the TPC-B-like script on the same server. */
final class Pgbench {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    private final Path binary;

    private Pgbench(Path binary) {
        this.binary = binary;
    }

    /**
     * The binary from {@code $PGBENCH}, the {@code PATH} or {@code /usr/lib/postgresql/N/bin}; empty if there is
     * none. (On Debian: {@code apt-get install postgresql-client}.)
     */
    static Optional<Pgbench> find() {
        List<Path> candidates = new ArrayList<>();
        String env = System.getenv("PGBENCH");
        if (env != null && !env.isBlank()) {
            candidates.add(Path.of(env));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            candidates.add(Path.of(dir, "pgbench"));
        }
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            versions.map(v -> v.resolve("bin/pgbench")).forEach(candidates::add);
        } catch (IOException noDebianPostgres) {
            // Nothing there: PATH and $PGBENCH were the places to look.
        }
        return candidates.stream().filter(Files::isExecutable).findFirst().map(Pgbench::new);
    }

    /** Creates pgbench's tables at {@code scale} (100,000 accounts each) in {@code database}. */
    void initialize(Postgres server, String database, int scale) throws IOException, InterruptedException {
        run(server, database, "-i", "-q", "-s", Integer.toString(scale));
    }

    /** Transactions per second of {@code clients} clients on {@code threads} threads for {@code duration}. */
    double tps(Postgres server, String database, int clients, int threads, Duration duration)
            throws IOException, InterruptedException {
        String out = run(server, database, "-n", "-c", Integer.toString(clients), "-j", Integer.toString(threads),
                "-T", Long.toString(duration.toSeconds()), "-b", "tpcb-like");
        Matcher m = TPS.matcher(out);
        if (!m.find()) {
            throw new IOException("pgbench printed no tps:\n" + out);
        }
        return Double.parseDouble(m.group(1));
    }

    private String run(Postgres server, String database, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "-h", "localhost", "-p",
                Integer.toString(server.port()), "-U", Postgres.USER));
        command.addAll(List.of(args));
        command.add(database);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }
}
