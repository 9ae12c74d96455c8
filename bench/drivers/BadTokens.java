import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The soak's bad tokens: GET /api/me on 127.0.0.1 with unknown and malformed tokens, alternately, one connection per
 * request. The throttle counts failures per client address, and wrk cannot choose its source address (all of wrk's
 * valid traffic comes from 127.0.0.1, which must never be throttled), so this binds each connection to a loopback
 * source address of its own choosing, in one of two modes:
 *
 * <p>{@code spread}: each of 60,000 addresses 127.1.x.y in turn sends 4 requests, so that no address reaches the
 * throttle's limit (20 a minute) before the cycle returns to it minutes later: every answer should be 401 (and the
 * API's caches and throttle table see an attacker with many addresses). {@code throttled}: all requests come from
 * 127.3.0.1, so after 20 failures a minute the answers are 429 until the minute is over: 401 and 429 expected.
 *
 * <p>Prints "KIND-MODE STATUS COUNT" lines, e.g. "unknown-spread 401 51234"; STATUS is "socket-error" for a
 * connection that failed or gave no status line.
 *
 * Usage: java BadTokens.java PORT SECONDS THREADS UNKNOWN_VALUES_FILE spread|throttled
 */
public class BadTokens {

    private static final String[] MALFORMED = {"tlg_0123456789abcdefghijABCDEFGHIJ000000", "tlg_!!notbase62!!",
        "short"};

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        long end = System.nanoTime() + Long.parseLong(args[1]) * 1_000_000_000L;
        int threadCount = Integer.parseInt(args[2]);
        List<String> unknown = Files.readAllLines(Path.of(args[3]));
        boolean spread = !"throttled".equals(args[4]);
        String mode = spread ? "-spread " : "-throttled ";
        AtomicInteger nextAddress = new AtomicInteger();
        ConcurrentHashMap<String, LongAdder> counts = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < threadCount; t++) {
            threads.add(new Thread(() -> {
                int n = 0;
                while (System.nanoTime() < end) {
                    int a = nextAddress.getAndIncrement() % 60_000;
                    byte[] address = spread ? new byte[] {127, 1, (byte) (a / 250), (byte) (1 + a % 250)}
                            : new byte[] {127, 3, 0, 1};
                    for (int i = 0; i < 4; i++, n++) {
                        boolean known = i % 2 == 0;
                        String token = known ? unknown.get(Math.floorMod(a * 4 + i, unknown.size()))
                                : MALFORMED[n % MALFORMED.length];
                        String kind = known ? "unknown" : "malformed";
                        counts.computeIfAbsent(kind + " " + call(address, port, token), k -> new LongAdder())
                                .increment();
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        counts.forEach((key, count) -> System.out.println(key.replaceFirst(" ", mode) + " " + count));
    }

    /** @return the status code, or "socket-error" */
    private static String call(byte[] from, int port, String token) {
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(10_000);
            socket.bind(new InetSocketAddress(InetAddress.getByAddress(from), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/me HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer " + token
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            StringBuilder head = new StringBuilder();
            for (int read; (read = in.read(buffer)) > 0; ) { // to the end: the server closes after its answer
                if (head.length() < 12) {
                    head.append(new String(buffer, 0, read, StandardCharsets.US_ASCII));
                }
            }
            return head.length() >= 12 ? head.substring(9, 12) : "socket-error";
        } catch (Exception e) {
            return "socket-error";
        }
    }
}
