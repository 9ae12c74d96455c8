package dev.tollgate.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.function.IntPredicate;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.tollgate.api.TestSupportResource;
import dev.tollgate.api.TimeMachine;
import dev.tollgate.test.Deployments;

/**
 * Two servers on one PostgreSQL database: node A is the Payara Micro that Arquillian starts, node B a second one
 * that the test starts with the same deployment. A token made on A works on B, a level changed on B is enforced by
 * A, a token deleted on A is refused by B, a rotated-out value stopped on A is refused by B; each side had the
 * token (or its absence) cached before the change.
 *
 * <p>Each check polls the other node with back-to-back requests until it answers as it must; the deadline only
 * tells a broken feed from a slow machine (the feed's own bound, {@code tollgate.cluster.stale-millis}, is 3 s),
 * the delays are printed, and {@code bench/cluster} measures them under load against the 1 s target.
 */
@Tag("postgresql")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ClusterIT {

    private static final Duration BROKEN = Duration.ofSeconds(20);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.configured(Deployments.tollgate().addClasses(TestSupportResource.class, TimeMachine.class),
                ClusterTestConfig.class);
    }

    @ArquillianResource
    URL deployed;

    private static SecondServer nodeB;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void startNodeB() throws Exception {
        nodeB = SecondServer.start(deployment());
    }

    @AfterAll
    static void stopNodeB() {
        if (nodeB != null) {
            nodeB.close();
        }
    }

    private URI nodeA() throws Exception {
        return new URI("http", null, "127.0.0.1", deployed.getPort(), deployed.getPath(), null, null);
    }

    @Test
    void aTokenChangeOnOneNodeIsEnforcedOnTheOther() throws Exception {
        String value = "cluster-it-" + UUID.randomUUID();
        assertEquals(401, me(nodeB.base(), value), "unknown on B, and remembered so");

        JsonObject created = json(support(nodeA(), "POST", "tokens/READ_AND_WRITE/custom/" + value));
        long id = created.getJsonNumber("id").longValue();
        awaitOn(nodeB.base(), "a token created on A works on B", () -> me(nodeB.base(), value), s -> s == 200);

        assertEquals(201, write(nodeA(), value, "cluster-it." + id), "A has the token cached as read and write");
        assertEquals(204, support(nodeB.base(), "POST", "tokens/" + id + "/level/READ_ONLY").statusCode());
        awaitOn(nodeA(), "a level lowered on B is enforced by A",
                () -> write(nodeA(), value, "cluster-it." + id), s -> s == 403);

        assertEquals(200, me(nodeB.base(), value), "B has the token cached");
        assertEquals(204, support(nodeA(), "DELETE", "tokens/" + id).statusCode());
        awaitOn(nodeB.base(), "a token deleted on A is refused by B", () -> me(nodeB.base(), value), s -> s == 401);
        for (int i = 0; i < 20; i++) {
            assertEquals(401, me(nodeB.base(), value), "refused for good");
            assertEquals(401, me(nodeA(), value), "refused for good");
        }
    }

    @Test
    void aRotationOnOneNodeAndTheEndOfItsGraceAreEnforcedOnTheOther() throws Exception {
        JsonObject created = json(support(nodeA(), "POST", "tokens/READ_ONLY"));
        long id = created.getJsonNumber("id").longValue();
        String first = created.getString("value");
        awaitOn(nodeB.base(), "a token created on A works on B", () -> me(nodeB.base(), first), s -> s == 200);

        String second = json(support(nodeA(), "POST", "tokens/" + id + "/rotate/WEEK")).getString("value");
        awaitOn(nodeB.base(), "a value rotated in on A works on B", () -> me(nodeB.base(), second), s -> s == 200);
        assertEquals(200, me(nodeB.base(), first), "the old value works on B in its grace");

        assertEquals(204, support(nodeA(), "POST", "tokens/" + id + "/end-grace").statusCode());
        awaitOn(nodeB.base(), "an old value stopped on A is refused by B", () -> me(nodeB.base(), first),
                s -> s == 401);
        assertEquals(200, me(nodeB.base(), second));
        assertEquals(204, support(nodeA(), "DELETE", "tokens/" + id).statusCode());
    }

    interface Request {
        int status() throws Exception;
    }

    /** Sends the request back to back until its status is as expected; prints how long that took. */
    private static void awaitOn(URI node, String what, Request request, IntPredicate expected) throws Exception {
        long began = System.nanoTime();
        int requests = 0;
        int status;
        do {
            status = request.status();
            requests++;
            if (expected.test(status)) {
                System.out.printf("%s: after %d ms, %d requests (%s)%n", what,
                        Duration.ofNanos(System.nanoTime() - began).toMillis(), requests, node);
                return;
            }
        } while (System.nanoTime() - began < BROKEN.toNanos());
        throw new AssertionError(what + ": still " + status + " after " + BROKEN.toSeconds() + " s");
    }

    private int me(URI node, String value) throws Exception {
        return http.send(HttpRequest.newBuilder(node.resolve("api/me")).header("Authorization", "Bearer " + value)
                .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private int write(URI node, String value, String key) throws Exception {
        int status = http.send(HttpRequest.newBuilder(node.resolve("api/settings/" + key))
                .header("Authorization", "Bearer " + value).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"value\": \"x\"}")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        return status == 200 ? 201 : status;
    }

    private HttpResponse<String> support(URI node, String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(node.resolve("api/test-support/" + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readObject();
    }
}
