import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Cross-node revocation: COUNT times, a token is created on one node and used on the other until it works (so the
 * other node has it cached), then deleted on the first node while the second is asked with it back to back until
 * it refuses. The delay runs from the moment the delete was sent (an upper bound: the commit comes later). After
 * the first refusal, every node and the load balancer are asked again; any success there is counted (target 0).
 * The nodes take turns at deleting. Runs while the caller loads the pair with other traffic.
 *
 * Usage: java ClusterRevocation.java BALANCER_URL NODE_A_URL NODE_B_URL COUNT
 */
public class ClusterRevocation {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final long GIVE_UP = Duration.ofSeconds(30).toNanos();

    public static void main(String[] args) throws Exception {
        String balancer = args[0];
        String[] nodes = {args[1], args[2]};
        int count = Integer.parseInt(args[3]);
        String run = Long.toString(System.currentTimeMillis(), 36);
        List<Double> created = new ArrayList<>();
        List<Double> revoked = new ArrayList<>();
        long okAfter = 0;
        long checksAfter = 0;
        for (int i = 0; i < count; i++) {
            String writer = nodes[i % 2];
            String watcher = nodes[(i + 1) % 2];
            String[] token = post(writer + "/bench/tokens?name=cluster-rv-" + run + "-" + i + "&level=READ_ONLY")
                    .trim().split(" ");
            long madeAt = System.nanoTime();
            created.add(until(watcher, token[1], 200, madeAt));
            long deleteSent = System.nanoTime();
            post(writer + "/bench/delete?id=" + token[0]);
            revoked.add(until(watcher, token[1], 401, deleteSent));
            for (String url : List.of(watcher, writer, balancer, balancer)) {
                for (int k = 0; k < 5; k++) {
                    checksAfter++;
                    if (me(url, token[1]) == 200) {
                        okAfter++;
                    }
                }
            }
        }
        System.out.printf("revocations=%d revoke_p50_ms=%.1f revoke_p99_ms=%.1f revoke_max_ms=%.1f"
                + " create_p50_ms=%.1f create_p99_ms=%.1f ok_after_refusal=%d of %d%n", count,
                percentile(revoked, 50), percentile(revoked, 99), percentile(revoked, 100),
                percentile(created, 50), percentile(created, 99), okAfter, checksAfter);
    }

    /** Milliseconds from {@code since} until the node answers the token with {@code status}. */
    static double until(String node, String token, int status, long since) throws Exception {
        while (me(node, token) != status) {
            if (System.nanoTime() - since > GIVE_UP) {
                throw new IllegalStateException(node + " never answered " + status);
            }
        }
        return (System.nanoTime() - since) / 1e6;
    }

    static int me(String node, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(node + "/api/me"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    static String post(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return response.body();
    }

    static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
