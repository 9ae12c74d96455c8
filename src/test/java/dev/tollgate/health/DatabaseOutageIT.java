package dev.tollgate.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Predicate;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import dev.tollgate.api.TestSupportResource;
import dev.tollgate.api.TimeMachine;
import dev.tollgate.test.BrowserSession;
import dev.tollgate.test.Deployments;

/**
 * The database goes away while the server runs, and comes back: the health answers say so, the API answers 503
 * with {@code Retry-After} (never a 500, never a guess), the console shows a plain message, and all of it recovers
 * without a restart. The embedded database gets a plug ({@link UnpluggableDataSource}) in this deployment, so the
 * test runs on the embedded default only (tag {@code embedded-derby}; the PostgreSQL profile leaves it out).
 */
@Tag("embedded-derby")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DatabaseOutageIT {

    /** Only tells a broken recovery from a slow machine; the waits end as soon as the answer is right. */
    private static final Duration BROKEN = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static WebArchive deployment() {
        WebArchive war = Deployments.tollgate()
                .addClasses(UnpluggableDataSource.class, DatabasePlugResource.class, TestSupportResource.class,
                        TimeMachine.class);
        String webXml = read(war);
        String embedded = "<class-name>org.apache.derby.jdbc.EmbeddedDataSource</class-name>";
        assertTrue(webXml.contains(embedded), "web.xml no longer names the embedded data source");
        war.delete("WEB-INF/web.xml");
        return war.setWebXML(new StringAsset(webXml.replace(embedded,
                "<class-name>" + UnpluggableDataSource.class.getName() + "</class-name>")));
    }

    @ArquillianResource
    URL deployed;

    @RegisterExtension
    static final BrowserSession session = new BrowserSession();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterEach
    void plugBackIn() throws Exception {
        send("PUT", "api/test-support/database-plug", null);
    }

    @Test
    void healthApiAndConsoleSayTheDatabaseIsGoneAndRecoverWhenItIsBack() throws Exception {
        String value = json(send("POST", "api/test-support/tokens/READ_AND_WRITE", null)).getString("value");
        assertEquals(200, send("GET", "api/settings", value).statusCode());
        // On a machine this busy the database may miss the check's 2-s bound for a moment: wait for the first UP
        assertUp(await("GET", "api/health/ready", null, r -> r.statusCode() == 200));
        assertUp(send("GET", "api/health/live", null));
        session.browser().signIn(deployed.toString());
        session.browser().open(deployed + "settings/core/api-tokens");
        session.browser().find(By.id("tokens-form:tokens"));

        assertEquals(204, send("DELETE", "api/test-support/database-plug", null).statusCode());

        HttpResponse<String> ready = send("GET", "api/health/ready", null);
        assertEquals(503, ready.statusCode(), ready.body());
        assertEquals("5", ready.headers().firstValue("Retry-After").orElse(null));
        JsonObject readiness = Json.createReader(new StringReader(ready.body())).readObject();
        assertEquals("DOWN", readiness.getString("status"));
        assertEquals("database", readiness.getJsonArray("checks").getJsonObject(0).getString("name"));
        assertUp(send("GET", "api/health/live", null));

        // A request that needs the database gets 503 at once; one that the token cache can answer may still pass
        // until the cache's lease runs out (tollgate.cluster.stale-millis), then gets 503 too.
        long began = System.nanoTime();
        assertUnavailable(send("GET", "api/settings", value));
        // printed, not asserted (no wall-clock limits in tests): the issue asks for an answer within 2 s
        System.out.printf("503 for GET /api/settings with the database gone after %d ms%n",
                Duration.ofNanos(System.nanoTime() - began).toMillis());
        assertUnavailable(await("GET", "api/me", value, r -> r.statusCode() != 200));
        assertUnavailable(await("GET", "api/me", "never-seen-custom-value-0123456789", r -> r.statusCode() != 401));

        session.browser().open(deployed + "settings/core/api-tokens");
        String page = session.browser().find(By.tagName("body")).getText();
        assertTrue(page.contains("cannot reach its database"), page);
        assertFalse(page.contains("Exception"), page);

        assertEquals(204, send("PUT", "api/test-support/database-plug", null).statusCode());

        assertUp(await("GET", "api/health/ready", null, r -> r.statusCode() == 200));
        await("GET", "api/me", value, r -> r.statusCode() == 200);
        assertEquals(200, send("GET", "api/settings", value).statusCode());
        session.browser().open(deployed + "settings/core/api-tokens");
        session.browser().find(By.id("tokens-form:tokens"));
    }

    /**
     * The same checks through MicroProfile Health at the server's root, where the server has it (Payara; GlassFish
     * has no MicroProfile Health, so the glassfish profile leaves out the tag {@code microprofile}).
     */
    @Test
    @Tag("microprofile")
    void microProfileHealthSaysTheDatabaseIsGoneAndBack() throws Exception {
        HttpResponse<String> up = await("GET", "/health/ready", null, r -> r.statusCode() == 200);
        assertTrue(up.body().contains("\"tollgate-database\""), up.body());

        assertEquals(204, send("DELETE", "api/test-support/database-plug", null).statusCode());

        HttpResponse<String> down = send("GET", "/health/ready", null);
        assertEquals(503, down.statusCode(), down.body());
        assertTrue(down.body().contains("\"tollgate-database\""), down.body());
        HttpResponse<String> live = send("GET", "/health/live", null);
        assertEquals(200, live.statusCode(), live.body());
        assertTrue(live.body().contains("\"tollgate\""), live.body());

        assertEquals(204, send("PUT", "api/test-support/database-plug", null).statusCode());

        assertEquals(200, await("GET", "/health/ready", null, r -> r.statusCode() == 200).statusCode());
    }

    private static void assertUp(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("UP", Json.createReader(new StringReader(response.body())).readObject().getString("status"));
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
    }

    private static void assertUnavailable(HttpResponse<String> response) {
        assertEquals(503, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(null));
        assertEquals("5", response.headers().firstValue("Retry-After").orElse(null));
        JsonObject problem = Json.createReader(new StringReader(response.body())).readObject();
        assertEquals(503, problem.getInt("status"));
        assertTrue(problem.getString("detail").contains("database"), problem.toString());
    }

    /** Sends the request back to back until the answer is as expected, and returns that answer. */
    private HttpResponse<String> await(String method, String path, String token,
                                       Predicate<HttpResponse<String>> expected) throws Exception {
        long began = System.nanoTime();
        HttpResponse<String> response;
        do {
            response = send(method, path, token);
            if (expected.test(response)) {
                return response;
            }
        } while (System.nanoTime() - began < BROKEN.toNanos());
        throw new AssertionError(method + " " + path + ": still " + response.statusCode() + " " + response.body());
    }

    private HttpResponse<String> send(String method, String path, String token) throws Exception {
        URI base = new URI("http", null, "127.0.0.1", deployed.getPort(), deployed.getPath(), null, null);
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static String read(WebArchive war) {
        try (InputStream in = war.get("WEB-INF/web.xml").getAsset().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
