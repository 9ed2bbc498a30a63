import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator for the debtor portal (docs/benchmarks.md, "## Portal"). JDK only.
 *
 * <p>Signs in one portal session per link (the links file from {@code portal-bench}), reads each debtor's overview
 * once to learn their invoice ids, then views pages open loop: requests start at a fixed rate whatever the server
 * does, and latency counts from when a request was due (no coordinated omission). The mix is what a debtor does:
 * 50 % overview, 40 % an invoice with its ledger explained, 10 % the message thread. Server time is read from the
 * application's own Micrometer timer ({@code http_server_requests_seconds} on /actuator/prometheus, with the
 * percentile histogram switched on): its count and sum over the measured interval give the mean per page, its
 * buckets the p99.
 *
 * <pre>
 * java src/bench/java/PortalLoad.java --url http://127.0.0.1:18126 --links links.txt --rate 500 --seconds 60 \
 *      [--warmup 20]
 * </pre>
 */
public final class PortalLoad {

    record Session(String cookie, List<String> invoices) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            o.put(args[i].replaceFirst("^--", ""), i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "");
        }
        String url = o.getOrDefault("url", "http://127.0.0.1:8080");
        int rate = Integer.parseInt(o.getOrDefault("rate", "500"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "60"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "20"));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        List<Session> sessions = signIn(client, url, Files.readAllLines(Path.of(o.get("links"))));
        long invoices = sessions.stream().mapToLong(s -> s.invoices().size()).sum();
        System.out.printf("%d sessions signed in, %d open invoices among them%n", sessions.size(), invoices);
        System.out.printf("warm-up: %d s at %d/s%n", warmup, rate);
        run(client, url, sessions, rate, warmup, null);
        Map<String, double[]> before = serverTimes(client, url);
        System.out.printf("measuring: %d s at %d/s%n", seconds, rate);
        Stats stats = new Stats(rate * seconds);
        long wall = run(client, url, sessions, rate, seconds, stats);
        stats.print(wall);
        printServerTimes(before, serverTimes(client, url));
    }

    static List<Session> signIn(HttpClient client, String url, List<String> links) throws Exception {
        List<Session> out = java.util.Collections.synchronizedList(new ArrayList<>());
        Pattern invoice = Pattern.compile("/portal/invoices/([0-9a-f-]{36})\"");
        try (ExecutorService vt = Executors.newFixedThreadPool(8)) {
            for (String link : links) {
                if (link.isBlank()) {
                    continue;
                }
                vt.execute(() -> {
                    try {
                        HttpResponse<String> in = client.send(HttpRequest.newBuilder(URI.create(url + link)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        String cookie = in.headers().allValues("Set-Cookie").stream()
                                .filter(c -> c.startsWith("JSESSIONID=")).map(c -> c.substring(0, c.indexOf(';')))
                                .findFirst().orElseThrow(() -> new IllegalStateException("no session: " + in.statusCode()));
                        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(url + "/portal"))
                                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
                        List<String> ids = new ArrayList<>();
                        Matcher m = invoice.matcher(page.body());
                        while (m.find()) {
                            ids.add(m.group(1));
                        }
                        out.add(new Session(cookie, ids.stream().distinct().toList()));
                    } catch (Exception e) {
                        System.out.println("sign-in failed: " + e);
                    }
                });
            }
        }
        return out;
    }

    static long run(HttpClient client, String url, List<Session> sessions, int rate, int seconds, Stats stats)
            throws InterruptedException {
        long total = (long) rate * seconds;
        long intervalNs = 1_000_000_000L / rate;
        long start = System.nanoTime();
        SplittableRandom rnd = new SplittableRandom(42);
        try (ExecutorService vt = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; i < total; i++) {
                long due = start + i * intervalNs;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                Session s = sessions.get(rnd.nextInt(sessions.size()));
                double pick = rnd.nextDouble();
                String page = pick < 0.5 || s.invoices().isEmpty() ? "overview" : pick < 0.9 ? "invoice" : "messages";
                String path = switch (page) {
                    case "overview" -> "/portal";
                    case "invoice" -> "/portal/invoices/" + s.invoices().get(rnd.nextInt(s.invoices().size()));
                    default -> "/portal/messages";
                };
                vt.execute(() -> {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(url + path))
                            .timeout(Duration.ofSeconds(30)).header("Cookie", s.cookie()).build();
                    try {
                        HttpResponse<Void> r = client.send(request, HttpResponse.BodyHandlers.discarding());
                        if (stats != null) {
                            stats.record(page, System.nanoTime() - due, r.statusCode());
                        }
                    } catch (Exception e) {
                        if (stats != null) {
                            stats.record(page, System.nanoTime() - due, -1);
                        }
                    }
                });
            }
        }
        return System.nanoTime() - start;
    }

    /** Per portal URI: count, sum (s) and the cumulative histogram buckets (le -> count). */
    static Map<String, double[]> serverTimes(HttpClient client, String url) throws Exception {
        String text = client.send(HttpRequest.newBuilder(URI.create(url + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Map<String, double[]> out = new TreeMap<>();
        // greedy up to the last "} ": a templated URI such as /portal/invoices/{id} contains a brace itself
        Pattern line = Pattern.compile("^http_server_requests_seconds_(count|sum|bucket)\\{(.*)\\} ([0-9.eE+-]+)$",
                Pattern.MULTILINE);
        Matcher m = line.matcher(text);
        while (m.find()) {
            String labels = m.group(2);
            Matcher uri = Pattern.compile("uri=\"([^\"]+)\"").matcher(labels);
            if (!uri.find() || !uri.group(1).startsWith("/portal") || !labels.contains("method=\"GET\"")
                    || !labels.contains("status=\"200\"")) {
                continue;
            }
            double value = Double.parseDouble(m.group(3));
            switch (m.group(1)) {
                case "count" -> out.computeIfAbsent(uri.group(1) + " count", k -> new double[1])[0] += value;
                case "sum" -> out.computeIfAbsent(uri.group(1) + " sum", k -> new double[1])[0] += value;
                default -> {
                    Matcher le = Pattern.compile("le=\"([^\"]+)\"").matcher(labels);
                    if (le.find() && !le.group(1).equals("+Inf")) {
                        out.computeIfAbsent(uri.group(1) + " le " + le.group(1), k -> new double[1])[0] += value;
                    }
                }
            }
        }
        return out;
    }

    static void printServerTimes(Map<String, double[]> before, Map<String, double[]> after) {
        Map<String, TreeMap<Double, Double>> buckets = new TreeMap<>();
        for (var e : after.entrySet()) {
            double delta = e.getValue()[0] - before.getOrDefault(e.getKey(), new double[1])[0];
            String[] parts = e.getKey().split(" ");
            if (parts.length == 3) {
                buckets.computeIfAbsent(parts[0], k -> new TreeMap<>()).put(Double.parseDouble(parts[2]), delta);
            }
        }
        for (var uri : buckets.keySet()) {
            double count = after.get(uri + " count")[0] - before.getOrDefault(uri + " count", new double[1])[0];
            double sum = after.get(uri + " sum")[0] - before.getOrDefault(uri + " sum", new double[1])[0];
            double p99 = Double.NaN;
            for (var b : buckets.get(uri).entrySet()) {
                if (b.getValue() >= 0.99 * count) {
                    p99 = b.getKey();
                    break;
                }
            }
            System.out.printf(Locale.ROOT, "server time %-26s %6.0f views: mean %.1f ms, p99 <= %.1f ms%n", uri,
                    count, count == 0 ? 0 : sum / count * 1000, p99 * 1000);
        }
    }

    static final class Stats {
        final long[] latencies;
        final AtomicInteger n = new AtomicInteger();
        final Map<String, List<Long>> byPage = new ConcurrentHashMap<>();
        final Map<String, AtomicLong> statuses = new ConcurrentHashMap<>();

        Stats(int capacity) {
            latencies = new long[capacity];
        }

        void record(String page, long ns, int status) {
            latencies[n.getAndIncrement()] = ns;
            byPage.computeIfAbsent(page, k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(ns);
            statuses.computeIfAbsent(String.valueOf(status), k -> new AtomicLong()).incrementAndGet();
        }

        void print(long wallNs) {
            int count = n.get();
            long[] sorted = Arrays.copyOf(latencies, count);
            Arrays.sort(sorted);
            long ok = statuses.getOrDefault("200", new AtomicLong()).get();
            System.out.printf(Locale.ROOT, "views %d in %.1f s: %.0f/s completed, %.0f/s answered 200%n", count,
                    wallNs / 1e9, count / (wallNs / 1e9), ok / (wallNs / 1e9));
            System.out.printf(Locale.ROOT, "latency ms (client, from schedule): p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n",
                    pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted[count - 1] / 1e6);
            byPage.forEach((page, list) -> {
                long[] s = list.stream().mapToLong(Long::longValue).sorted().toArray();
                System.out.printf(Locale.ROOT, "  %-9s %6d views: p50 %.1f  p99 %.1f ms%n", page, s.length,
                        pct(s, 50), pct(s, 99));
            });
            System.out.println("statuses: " + new TreeMap<>(statuses));
        }

        static double pct(long[] sorted, double p) {
            int i = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
            return sorted[Math.max(0, i)] / 1e6;
        }
    }
}
