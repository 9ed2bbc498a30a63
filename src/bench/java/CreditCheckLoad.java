import io.creditflow.demo.DemoDataGenerator;
import io.creditflow.receivables.Address;
import io.creditflow.receivables.BulkIntake.DebtorRow;
import io.creditflow.receivables.DebtorType;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator for the credit-check API (the acceptance benchmark; see docs/benchmarks.md, "## Acceptance").
 *
 * <p>Open loop: requests are started at a fixed rate whatever the server does, and each latency is measured from the
 * moment the request was due, so a stalled server shows up in the percentiles instead of silently lowering the load
 * (no coordinated omission). Applicants: a share of known debtors of the demo tenant (re-created with the demo
 * generator, same seed and date, so their checks find their invoices), the rest new people; every request carries an
 * Idempotency-Key, as a webshop's retrying client would.
 *
 * <pre>
 * java --class-path target/classes src/bench/java/CreditCheckLoad.java \
 *      --url http://127.0.0.1:8080 --key cf_... --rate 2000 --seconds 60 [--warmup 20] [--known 0.5]
 * java --class-path target/classes:postgresql.jar src/bench/java/CreditCheckLoad.java \
 *      --raw-insert --pgdata ./data/postgres --seconds 30 --connections 32
 * </pre>
 */
public final class CreditCheckLoad {

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        if (o.containsKey("raw-insert")) {
            rawInsert(o);
        } else {
            http(o);
        }
    }

    // ---------------------------------------------------------------- HTTP load

    static void http(Map<String, String> o) throws Exception {
        String url = o.getOrDefault("url", "http://127.0.0.1:8080") + "/api/v1/credit-checks";
        String key = o.get("key");
        int rate = Integer.parseInt(o.getOrDefault("rate", "2000"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "60"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "20"));
        double known = Double.parseDouble(o.getOrDefault("known", "0.5"));
        int debtors = Integer.parseInt(o.getOrDefault("debtors", "20000"));
        LocalDate demoDate = LocalDate.parse(o.getOrDefault("demo-date", LocalDate.now().toString()));
        Applicants applicants = new Applicants(new DemoDataGenerator(Long.parseLong(o.getOrDefault("seed", "20260101")),
                demoDate), debtors, known);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        System.out.printf("warm-up: %d s at %d/s%n", warmup, rate);
        run(client, url, key, applicants, rate, warmup, null);
        System.out.printf("measuring: %d s at %d/s%n", seconds, rate);
        Stats stats = new Stats(rate * seconds);
        long wall = run(client, url, key, applicants, rate, seconds, stats);
        stats.print(wall);
    }

    /** Starts rate x seconds requests on schedule; returns the wall time until the last answer (ns). */
    static long run(HttpClient client, String url, String key, Applicants applicants, int rate, int seconds,
                    Stats stats) throws InterruptedException {
        long total = (long) rate * seconds;
        long intervalNs = 1_000_000_000L / rate;
        long start = System.nanoTime();
        SplittableRandom rnd = new SplittableRandom(start);
        try (ExecutorService vt = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; i < total; i++) {
                long due = start + i * intervalNs;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                String body = applicants.next(rnd);
                vt.execute(() -> {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    try {
                        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        if (stats != null) {
                            stats.record(System.nanoTime() - due, response.statusCode(), response.body());
                        }
                    } catch (Exception e) {
                        if (stats != null) {
                            stats.error(System.nanoTime() - due, e);
                        }
                    }
                });
            }
        }
        return System.nanoTime() - start;
    }

    static final class Stats {
        final long[] latencies;
        final AtomicInteger n = new AtomicInteger();
        final Map<String, AtomicLong> outcomes = new java.util.concurrent.ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<String> samples = new ConcurrentLinkedQueue<>();

        Stats(int capacity) {
            latencies = new long[capacity];
        }

        void record(long ns, int status, String body) {
            latencies[n.getAndIncrement()] = ns;
            String decision = body.contains("\"decision\":\"ACCEPT\"") ? "ACCEPT"
                    : body.contains("\"decision\":\"REFER\"") ? "REFER" : body.contains("\"decision\":\"REJECT\"")
                    ? "REJECT" : "-";
            outcomes.computeIfAbsent(status + " " + decision, k -> new AtomicLong()).incrementAndGet();
            if (status != 201 && samples.size() < 5) {
                samples.add(status + ": " + body.substring(0, Math.min(400, body.length())));
            }
        }

        void error(long ns, Exception e) {
            latencies[n.getAndIncrement()] = ns;
            outcomes.computeIfAbsent("error " + e.getClass().getSimpleName(), k -> new AtomicLong()).incrementAndGet();
        }

        void print(long wallNs) {
            int count = n.get();
            long[] sorted = Arrays.copyOf(latencies, count);
            Arrays.sort(sorted);
            long ok = outcomes.entrySet().stream().filter(e -> e.getKey().startsWith("201")).mapToLong(e -> e.getValue().get()).sum();
            System.out.printf(Locale.ROOT, "requests %d in %.1f s: %.0f/s completed, %.0f/s answered 201%n", count,
                    wallNs / 1e9, count / (wallNs / 1e9), ok / (wallNs / 1e9));
            System.out.printf(Locale.ROOT, "latency ms: p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f%n",
                    pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), pct(sorted, 99.9), sorted[count - 1] / 1e6);
            System.out.println("outcomes: " + new java.util.TreeMap<>(outcomes));
            samples.forEach(s -> System.out.println("sample " + s));
        }

        static double pct(long[] sorted, double p) {
            int i = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
            return sorted[Math.max(0, i)] / 1e6;
        }
    }

    /** Check requests: known demo debtors (their history applies) and new people. */
    static final class Applicants {
        private final List<String> knownBodies = new ArrayList<>();
        private final double knownShare;
        private final AtomicLong counter = new AtomicLong();

        Applicants(DemoDataGenerator generator, int debtors, double knownShare) {
            this.knownShare = knownShare;
            for (int from = 0; from < debtors; from += 2_000) {
                for (DebtorRow d : generator.chunk(from, Math.min(2_000, debtors - from)).debtors()) {
                    String body = known(d);
                    if (body != null) {
                        knownBodies.add(body);
                    }
                }
            }
            System.out.printf("%d known applicants from %d demo debtors%n", knownBodies.size(), debtors);
        }

        String next(SplittableRandom rnd) {
            if (rnd.nextDouble() < knownShare && !knownBodies.isEmpty()) {
                return knownBodies.get(rnd.nextInt(knownBodies.size()))
                        .replace("%AMOUNT%", amount(rnd));
            }
            long n = counter.incrementAndGet();
            int postcode = 1000 + rnd.nextInt(8999);
            return """
                    {"type":"CONSUMER","person":{"firstName":"Test","lastName":"Nieuw%s","dateOfBirth":"%d-%02d-%02d"},
                     "address":{"street":"Dorpsstraat","houseNumber":"%d","postcode":"%d AB","city":"Utrecht","country":"NL"},
                     "email":"klant%d@example.nl","phone":"+3161%07d",
                     "order":{"amount":"%s","currency":"EUR","channel":"WEB","productCategory":"fashion"}}"""
                    .formatted(letters(n), 1950 + rnd.nextInt(55), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28),
                            1 + rnd.nextInt(200), postcode, n, rnd.nextInt(10_000_000), amount(rnd))
                    ;
        }

        /** A name-like suffix from a number (names have no digits). */
        private static String letters(long n) {
            StringBuilder sb = new StringBuilder();
            do {
                sb.append((char) ('a' + n % 26));
                n /= 26;
            } while (n > 0);
            return sb.toString();
        }

        private static String amount(SplittableRandom rnd) {
            return String.format(Locale.ROOT, "%d.%02d", 10 + rnd.nextInt(290), rnd.nextInt(100));
        }

        private static boolean validPhone(String phone) {
            try {
                io.creditflow.acceptance.verification.PhoneNumbers.verify(phone, "NL");
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        private static String known(DebtorRow d) {
            var p = d.profile();
            Address a = p.billingAddress();
            if (a == null || !"NL".equals(a.country())) {
                return null;
            }
            String address = "\"address\":{\"street\":\"%s\",\"houseNumber\":\"%s\",\"postcode\":\"%s\",\"city\":\"%s\",\"country\":\"NL\"}"
                    .formatted(a.street(), a.houseNumber(), a.postcode(), a.city());
            // the demo generator's random mobile numbers are not all valid in the Dutch numbering plan; a webshop
            // would have refused those at its own checkout, so they are left out here rather than sent as 400s
            String phone = validPhone(p.phone()) ? ",\"phone\":\"" + p.phone() + "\"" : "";
            String contact = "\"email\":\"%s\"%s,\"iban\":\"%s\"".formatted(p.email(), phone, p.iban());
            String order = "\"order\":{\"amount\":\"%AMOUNT%\",\"currency\":\"EUR\",\"channel\":\"WEB\"}";
            if (d.type() == DebtorType.BUSINESS) {
                if (p.chamberOfCommerce() == null) {
                    return null;
                }
                return "{\"type\":\"BUSINESS\",\"company\":{\"name\":\"%s\",\"chamberOfCommerce\":\"%s\"},%s,%s,%s}"
                        .formatted(p.name(), p.chamberOfCommerce(), address, contact, order);
            }
            int space = p.name().indexOf(' ');
            return "{\"type\":\"CONSUMER\",\"person\":{\"firstName\":\"%s\",\"lastName\":\"%s\",\"dateOfBirth\":\"%s\"},%s,%s,%s}"
                    .formatted(p.name().substring(0, space), p.name().substring(space + 1), p.dateOfBirth(), address,
                            contact, order);
        }
    }

    // ---------------------------------------------------------------- raw insert rate of the log row alone

    /**
     * The physical limit: inserts of the credit_check row alone (a copy of a real row, same size and indexes), one
     * transaction per row with synchronous commit, from {@code --connections} concurrent connections, as fast as the
     * server takes them. Connects to the embedded server as its superuser.
     */
    static void rawInsert(Map<String, String> o) throws Exception {
        Path pgdata = Path.of(o.getOrDefault("pgdata", "./data/postgres"));
        int port = Integer.parseInt(Files.readAllLines(pgdata.resolve("postmaster.pid")).get(3).strip());
        String jdbc = "jdbc:postgresql://127.0.0.1:" + port + "/creditflow?user=postgres";
        int connections = Integer.parseInt(o.getOrDefault("connections", "32"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "30"));
        UUID template;
        try (Connection c = DriverManager.getConnection(jdbc); Statement st = c.createStatement()) {
            ResultSet rs = st.executeQuery("select id, current_setting('synchronous_commit'), current_setting('fsync') "
                    + "from credit_check order by created_at desc limit 1");
            if (!rs.next()) {
                throw new IllegalStateException("run the HTTP benchmark first: the raw insert copies a real check row");
            }
            template = rs.getObject(1, UUID.class);
            System.out.printf("synchronous_commit=%s fsync=%s, %d connections, %d s%n", rs.getString(2),
                    rs.getString(3), connections, seconds);
        }
        try (Connection c = DriverManager.getConnection(jdbc); Statement st = c.createStatement()) {
            st.execute("drop table if exists bench_raw_check");
            // same columns, defaults, checks and indexes as the log; a real (WAL-logged, fsynced) table
            st.execute("create table bench_raw_check (like credit_check including all)");
        }
        String insert = "insert into bench_raw_check select tenant_id, ?, now(), identity_id, subject_id, applicant_type,"
                + " decision, score, risk_band, credit_limit, available_limit, amount, currency, channel,"
                + " product_category, order_reference, null, policy_version, variant, scorer, reasons, conditions,"
                + " rules_fired, factors, signals, sources, inputs, answers, language, latency_micros, actor"
                + " from credit_check where id = '" + template + "'";
        AtomicLong rows = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(connections)) {
            for (int i = 0; i < connections; i++) {
                pool.execute(() -> {
                    try (Connection c = DriverManager.getConnection(jdbc);
                         var st = c.prepareStatement(insert)) {
                        while (System.nanoTime() < end) {
                            st.setObject(1, UUID.randomUUID());
                            st.executeUpdate();
                            rows.incrementAndGet();
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
        }
        double secs = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "raw log-row inserts: %d in %.1f s = %.0f rows/s (each its own committed "
                + "transaction)%n", rows.get(), secs, rows.get() / secs);
        try (Connection c = DriverManager.getConnection(jdbc); Statement st = c.createStatement()) {
            st.execute("drop table bench_raw_check");
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                String name = args[i].substring(2);
                if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                    o.put(name, args[++i]);
                } else {
                    o.put(name, "true");
                }
            }
        }
        return o;
    }
}
