import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kill -9 rounds of bench/reliability, in two modes.
 *
 * <p>{@code load}: CLIENTS threads PUT /api/settings/{key} with a read-and-write token, each on its own keys (so no
 * two clients write the same key and a 409 cannot happen), cycling through KEYS keys with a rising sequence number
 * in the value; one more thread creates tokens through the Tokens service (POST /bench/tokens). Every 2xx answer is
 * recorded: per key the highest acknowledged and the highest sent sequence number (a write in flight when the server
 * died may have committed without its answer arriving: a value up to the highest sent one is not a loss), and every
 * token value that was returned. Creates DIR/started at the first acknowledged write. Runs until the file STOP
 * exists, then writes DIR/writes.txt and DIR/tokens.txt and prints "acknowledged_writes created_tokens
 * failed_connections refused_requests": requests that got no answer (the server was gone), and requests that got an
 * answer other than 2xx, which a healthy server under this load never gives (their statuses on standard error).
 *
 * <p>{@code check}: after the restart, reads every recorded key back and calls GET /api/me with every recorded token;
 * prints "lost_writes lost_tokens", and the first few losses on standard error.
 *
 * Usage: java Durability.java load BASE_URL RW_TOKEN ROUND CLIENTS KEYS DIR STOP
 *        java Durability.java check BASE_URL RW_TOKEN DIR
 */
public class Durability {

    private static final Pattern VALUE = Pattern.compile("\"value\"\\s*:\\s*\"r(\\d+)c(\\d+)s(\\d+)\"");

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    record Key(long acknowledged, long sent) {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("load")) {
            load(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]),
                    Path.of(args[6]), Path.of(args[7]));
        } else {
            check(args[1], args[2], Path.of(args[3]));
        }
    }

    static void load(String base, String token, int round, int clients, int keys, Path dir, Path stop)
            throws Exception {
        Map<String, Key> written = new ConcurrentHashMap<>();
        List<String> created = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong acknowledged = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Map<Integer, AtomicLong> refused = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads.add(new Thread(() -> {
                for (long seq = 1; !Files.exists(stop); seq++) {
                    String key = "rel.r" + round + ".c" + client + ".k" + (seq % keys);
                    long sent = seq;
                    written.merge(key, new Key(0, sent), (old, now) -> new Key(old.acknowledged(), sent));
                    String body = "{\"value\": \"r" + round + "c" + client + "s" + seq + "\"}";
                    HttpRequest put = HttpRequest.newBuilder(URI.create(base + "/api/settings/" + key))
                            .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString(body)).build();
                    int status = send(put);
                    if (status / 100 == 2) {
                        if (acknowledged.incrementAndGet() == 1) {
                            started(dir);
                        }
                        written.merge(key, new Key(sent, sent), (old, now) -> new Key(sent, old.sent()));
                    } else {
                        (status < 0 ? failed : refused.computeIfAbsent(status, s -> new AtomicLong()))
                                .incrementAndGet();
                        pause();
                    }
                }
            }));
        }
        AtomicInteger tokenNumber = new AtomicInteger();
        threads.add(new Thread(() -> {
            while (!Files.exists(stop)) {
                HttpRequest create = HttpRequest.newBuilder(URI.create(base + "/bench/tokens?name=rel-r" + round
                        + "-" + tokenNumber.incrementAndGet() + "&level=READ_ONLY")).timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.noBody()).build();
                try {
                    HttpResponse<String> response = HTTP.send(create, HttpResponse.BodyHandlers.ofString());
                    String[] idAndValue = response.body().trim().split(" ");
                    if (response.statusCode() == 200 && idAndValue.length == 2) {
                        created.add(idAndValue[1]);
                        continue;
                    }
                    refused.computeIfAbsent(response.statusCode(), s -> new AtomicLong()).incrementAndGet();
                    pause();
                    continue;
                } catch (IOException e) {
                    // the server is gone: nothing was shown, nothing is owed
                } catch (InterruptedException e) {
                    return;
                }
                failed.incrementAndGet();
                pause();
            }
        }));
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        List<String> lines = new ArrayList<>();
        new TreeMap<>(written).forEach((key, k) -> lines.add(key + " " + k.acknowledged() + " " + k.sent()));
        Files.write(dir.resolve("writes.txt"), lines);
        Files.write(dir.resolve("tokens.txt"), created);
        refused.forEach((status, count) -> System.err.println("HTTP " + status + ": " + count));
        System.out.println(acknowledged.get() + " " + created.size() + " " + failed.get() + " "
                + refused.values().stream().mapToLong(AtomicLong::get).sum());
    }

    /** Tells the script that the load is on: it picks its moment to kill from here. */
    private static void started(Path dir) {
        try {
            Files.writeString(dir.resolve("started"), "");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** After a refused or failed request (the server is down): do not spin. */
    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static void check(String base, String token, Path dir) throws Exception {
        int lostWrites = 0;
        int lostTokens = 0;
        for (String line : Files.readAllLines(dir.resolve("writes.txt"))) {
            String[] parts = line.split(" ");
            long acknowledged = Long.parseLong(parts[1]);
            long sent = Long.parseLong(parts[2]);
            if (acknowledged == 0) {
                continue; // never acknowledged: it may or may not be there
            }
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/settings/"
                    + parts[0])).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher value = VALUE.matcher(response.body());
            long stored = response.statusCode() == 200 && value.find() ? Long.parseLong(value.group(3)) : -1;
            if (stored < acknowledged || stored > sent) {
                lostWrites++;
                if (lostWrites <= 5) {
                    System.err.println("lost write " + parts[0] + ": acknowledged s" + acknowledged + ", found "
                            + response.statusCode() + " " + response.body());
                }
            }
        }
        for (String value : Files.readAllLines(dir.resolve("tokens.txt"))) {
            int status = send(HttpRequest.newBuilder(URI.create(base + "/api/me"))
                    .header("Authorization", "Bearer " + value).build());
            if (status != 200) {
                lostTokens++;
                if (lostTokens <= 5) {
                    System.err.println("lost token " + value.substring(0, 8) + "...: " + status);
                }
            }
        }
        System.out.println(lostWrites + " " + lostTokens);
    }
}
