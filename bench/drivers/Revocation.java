import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Revocation under load: 16 client threads call GET /api/me with token T as fast as they can; half-way through,
 * T is deleted through the same service method the console uses. Prints how many requests with T succeeded
 * although they were sent after the delete returned (target 0), and how many were merely in flight.
 *
 * Usage: java Revocation.java BASE_URL TOKEN TOKEN_ID SECONDS
 */
public class Revocation {

    record Call(long sent, long received, int status) {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        String id = args[2];
        long seconds = Long.parseLong(args[3]);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest me = HttpRequest.newBuilder(URI.create(base + "/api/me"))
                .header("Authorization", "Bearer " + token).build();
        AtomicBoolean running = new AtomicBoolean(true);
        List<List<Call>> perThread = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            List<Call> calls = new ArrayList<>();
            perThread.add(calls);
            Thread thread = new Thread(() -> {
                while (running.get()) {
                    long sent = System.nanoTime();
                    int status;
                    try {
                        status = client.send(me, HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception e) {
                        status = -1;
                    }
                    calls.add(new Call(sent, System.nanoTime(), status));
                }
            });
            thread.start();
            threads.add(thread);
        }
        Thread.sleep(seconds * 500);
        long deleteSent = System.nanoTime();
        int deleted = client.send(HttpRequest.newBuilder(URI.create(base + "/bench/delete?id=" + id))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
        long deleteReturned = System.nanoTime();
        Thread.sleep(seconds * 500);
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        long total = 0;
        long okBefore = 0;
        long okInFlight = 0;
        long okAfter = 0;
        long refusedAfter = 0;
        for (List<Call> calls : perThread) {
            for (Call call : calls) {
                total++;
                if (call.status() == 200 && call.sent() > deleteReturned) {
                    okAfter++;
                } else if (call.status() == 200 && call.received() > deleteSent) {
                    okInFlight++;
                } else if (call.status() == 200) {
                    okBefore++;
                } else if (call.sent() > deleteReturned && call.status() == 401) {
                    refusedAfter++;
                }
            }
        }
        System.out.printf("delete_status=%d requests=%d ok_before=%d ok_in_flight=%d refused_after=%d"
                + " ok_after_delete=%d%n", deleted, total, okBefore, okInFlight, refusedAfter, okAfter);
    }
}
