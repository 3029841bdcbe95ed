package io.latchkey.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the figures of {@code benchmarks/RESULTS.md} and prints them as a table. Each figure is a ratio against a
 * baseline measured in the same run on the same machine, because these machines are too noisy for absolute
 * numbers to mean anything from one run to the next.
 *
 * <pre>
 * java -jar benchmarks/target/latchkey-benchmarks.jar [figure…] [--seconds=30] [--expiry=1000000]
 *      [--sizes=10000,1000000,10000000] [--calls=5000]
 * figures: issuance, h2, latency, expiry, verification (all when none is named)
 * </pre>
 */
public final class Benchmarks {

    private static final List<String> FIGURES = List.of("issuance", "h2", "latency", "expiry", "verification");
    private static final int ISSUERS = 8;
    /** Enough free credentials that no run of issuance empties the pool. */
    private static final int ISSUANCE_POOL = 300_000;

    private final Map<String, String> options;
    private final Duration seconds;
    private final List<Figure> figures = new ArrayList<>();
    private Sample postgresIssuance;

    private Benchmarks(Map<String, String> options) {
        this.options = options;
        this.seconds = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "30")));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> chosen = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else if (FIGURES.contains(arg)) {
                chosen.add(arg);
            } else {
                System.err.println("unknown argument " + arg + "; figures are " + FIGURES);
                System.exit(2);
            }
        }
        new Benchmarks(options).run(chosen.isEmpty() ? FIGURES : chosen);
        // Hikari and the embedded server leave non-daemon threads behind on some paths.
        System.exit(0);
    }

    private void run(List<String> chosen) throws Exception {
        System.out.println(machine());
        if (chosen.contains("verification")) {
            verification();
        }
        try (Postgres server = Postgres.start()) {
            if (chosen.contains("issuance")) {
                issuance(server);
            }
            if (chosen.contains("h2")) {
                h2(server);
            }
            if (chosen.contains("latency")) {
                latency(server);
            }
            if (chosen.contains("expiry")) {
                figure(Expiry.measure(server, Integer.parseInt(options.getOrDefault("expiry", "1000000"))));
            }
        }
        System.out.println();
        System.out.println(machine());
        System.out.println(Figure.header());
        figures.forEach(f -> System.out.println(f.row()));
    }

    /** (1) Issuance by 8 issuers on PostgreSQL against pgbench's TPC-B-like script with 8 clients. */
    private void issuance(Postgres server) throws Exception {
        Optional<Pgbench> pgbench = Pgbench.find();
        if (pgbench.isEmpty()) {
            System.out.println("pgbench not found: install it (Debian: apt-get install postgresql-client) or set "
                    + "PGBENCH to its path. The issuance figure is skipped.");
            return;
        }
        server.create("pgbench");
        pgbench.get().initialize(server, "pgbench", 10);
        double before = pgbench.get().tps(server, "pgbench", ISSUERS, 2, seconds);
        Sample sdk = postgresIssuance(server);
        double after = pgbench.get().tps(server, "pgbench", ISSUERS, 2, seconds);
        double tps = (before + after) / 2;
        System.out.printf(Locale.ROOT, "pgbench: %.0f and %.0f TPS%n", before, after);
        figure(Figure.atLeast("issuance, 8 issuers on PostgreSQL vs pgbench tpcb-like -c 8 -j 2", sdk.toString(),
                String.format(Locale.ROOT, "%.0f TPS (mean of one run before and one after)", tps),
                sdk.perSecond() / tps, 0.7));
    }

    private Sample postgresIssuance(Postgres server) throws Exception {
        if (postgresIssuance == null) {
            String url = server.create("issuance");
            try (World world = World.on(url, Postgres.USER, Clock.systemUTC()).poolOf(ISSUANCE_POOL)) {
                postgresIssuance = Load.during(ISSUERS, Duration.ofSeconds(10), seconds, world::issue);
            }
            server.drop("issuance");
            System.out.println("PostgreSQL issuance: " + postgresIssuance);
        }
        return postgresIssuance;
    }

    /** (5) The same issuance on the embedded H2 against PostgreSQL. */
    private void h2(Postgres server) throws Exception {
        Sample postgres = postgresIssuance(server);
        Path directory = Files.createTempDirectory("latchkey-bench-h2");
        Sample h2;
        try (World world = World.on(io.latchkey.jdbc.JdbcStore.h2Url(directory), "latchkey", Clock.systemUTC())
                .poolOf(ISSUANCE_POOL)) {
            h2 = Load.during(ISSUERS, Duration.ofSeconds(10), seconds, world::issue);
        }
        System.out.println("H2 issuance: " + h2);
        figure(Figure.atLeast("issuance, 8 issuers on H2 (file) vs on PostgreSQL", h2.toString(),
                postgres.toString(), h2.perSecond() / postgres.perSecond(), 0.5));
    }

    /** (3) Issuance latency with pools of 10k, 1M and 10M credentials: the largest against the smallest. */
    private void latency(Postgres server) throws Exception {
        int calls = Integer.parseInt(options.getOrDefault("calls", "5000"));
        long[] sizes = Arrays.stream(options.getOrDefault("sizes", "10000,1000000,10000000").split(","))
                .mapToLong(Long::parseLong).toArray();
        List<Sample> samples = new ArrayList<>();
        for (long size : sizes) {
            String url = server.create("pool_" + size);
            long fill = System.nanoTime();
            try (World world = World.on(url, Postgres.USER, Clock.systemUTC()).poolOf(size)) {
                System.out.printf(Locale.ROOT, "pool of %,d filled in %.0f s%n", size,
                        (System.nanoTime() - fill) / 1e9);
                samples.add(Load.calls(ISSUERS, calls / 10, calls, world::issue));
            }
            server.drop("pool_" + size);
            System.out.printf(Locale.ROOT, "pool of %,d: %s%n", size, samples.get(samples.size() - 1));
        }
        Sample small = samples.get(0);
        Sample large = samples.get(samples.size() - 1);
        String name = String.format(Locale.ROOT, "issuance latency, pool of %,d vs %,d", sizes[sizes.length - 1],
                sizes[0]);
        figure(Figure.atMost(name + " (median)", String.format(Locale.ROOT, "%.2f ms", large.medianMillis()),
                String.format(Locale.ROOT, "%.2f ms", small.medianMillis()),
                large.medianMillis() / small.medianMillis(), 1.2));
        figure(Figure.atMost(name + " (p99)", String.format(Locale.ROOT, "%.2f ms", large.p99Millis()),
                String.format(Locale.ROOT, "%.2f ms", small.p99Millis()), large.p99Millis() / small.p99Millis(), 1.2));
    }

    /** (4) Activation-file verification against raw Ed25519, in JMH (its own forked JVM). */
    private void verification() throws Exception {
        var results = new Runner(new OptionsBuilder().include(VerificationBenchmark.class.getName())
                .forks(1).warmupIterations(3).warmupTime(TimeValue.seconds(2))
                .measurementIterations(5).measurementTime(TimeValue.seconds(2)).build()).run();
        double sdk = score(results, "sdk");
        double raw = score(results, "raw");
        figure(Figure.atLeast("activation-file verification vs raw Ed25519 (JMH, 1 thread)",
                String.format(Locale.ROOT, "%,.0f/s", sdk), String.format(Locale.ROOT, "%,.0f/s", raw), sdk / raw,
                0.9));
    }

    private static double score(java.util.Collection<RunResult> results, String method) {
        return results.stream().filter(r -> r.getParams().getBenchmark().endsWith("." + method)).findFirst()
                .orElseThrow().getPrimaryResult().getScore();
    }

    private void figure(Figure figure) {
        figures.add(figure);
        System.out.println(figure.row());
    }

    private static String machine() {
        Runtime runtime = Runtime.getRuntime();
        return String.format(Locale.ROOT, "%s · %d cores · %d MiB heap max · Java %s · %s %s", ZonedDateTime.now()
                        .withNano(0), runtime.availableProcessors(), runtime.maxMemory() >> 20,
                System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch"));
    }
}
