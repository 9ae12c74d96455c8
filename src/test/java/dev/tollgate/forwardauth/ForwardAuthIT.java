package dev.tollgate.forwardauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.tollgate.api.ApiTestConfig;
import dev.tollgate.api.TestSupportResource;
import dev.tollgate.api.TimeMachine;
import dev.tollgate.test.Deployments;

/**
 * Forward authentication over real HTTP: Debian's nginx, configured with {@code server-config/nginx}'s snippets as
 * they ship, guards a backend that Tollgate does not contain (nginx's own static files with WebDAV's PUT and
 * DELETE) with Tollgate's tokens; and the endpoint itself, asked directly, for what a proxy may get wrong.
 *
 * <p>nginx runs as a daemon: its start command returns once it listens, and its stop is awaited by its process, so
 * nothing here waits on a clock. Tokens come from {@link TestSupportResource}; every request comes from 127.0.0.1,
 * a trusted proxy here ({@link ApiTestConfig}), and each test starts in a fresh throttling window.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ForwardAuthIT {

    private static final Path NGINX = Path.of("/usr/sbin/nginx");
    private static final Path SNIPPETS = Path.of("server-config/nginx");
    private static final String SHIPPED_PASS = "proxy_pass http://tollgate/api/forward-auth;";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.configured(Deployments.tollgate()
                .addClasses(TestSupportResource.class, TimeMachine.class), ApiTestConfig.class);
    }

    @ArquillianResource
    URL deployed;

    private static Path dir;
    private static URI front;

    private URI tollgate;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    record Token(long id, String name, String value) {
    }

    @BeforeEach
    void startNginxAndAFreshThrottlingWindow() throws Exception {
        tollgate = new URI("http", null, "127.0.0.1", deployed.getPort(), deployed.getPath(), null, null);
        if (front == null) {
            startNginx();
        }
        assertEquals(204, support("POST", "clock/61").statusCode());
    }

    @AfterAll
    static void stopNginx() throws Exception {
        if (front != null) {
            stop();
        }
    }

    // ---- through nginx

    @Test
    void aReadOnlyTokenReadsTheBackendAndCannotWriteIt() throws Exception {
        Token reader = token("READ_ONLY");
        HttpResponse<String> read = viaNginx("GET", "/files/hello.txt", bearer(reader));
        assertEquals(200, read.statusCode());
        assertEquals("hello from a backend Tollgate does not contain\n", read.body());
        assertEquals(200, viaNginx("HEAD", "/files/hello.txt", basic(reader)).statusCode());
        for (String write : List.of("PUT", "DELETE")) {
            HttpResponse<String> refused = viaNginx(write, "/files/hello.txt", bearer(reader));
            assertEquals(403, refused.statusCode(), write);
        }
        assertEquals(200, viaNginx("GET", "/files/hello.txt", bearer(reader)).statusCode(), "still there");
        assertEquals(401, viaNginx("GET", "/files/hello.txt", "").statusCode(), "guarded");
        assertEquals(200, viaNginx("GET", "/plain/hello.txt", "").statusCode(), "the unguarded location");
    }

    @Test
    void aReadAndWriteTokenWritesAndTheBackendLearnsWhoItWasNeverTheToken() throws Exception {
        Token writer = token("READ_AND_WRITE");
        String file = "/files/new-" + UUID.randomUUID() + ".txt";
        HttpResponse<String> put = viaNginx("PUT", file, bearer(writer), "written through nginx");
        assertEquals(201, put.statusCode());
        assertEquals(String.valueOf(writer.id()), put.headers().firstValue("Backend-Saw-Token-Id").orElse(null));
        assertEquals(writer.name(), put.headers().firstValue("Backend-Saw-Token-Name").orElse(null));
        assertEquals("read-and-write", put.headers().firstValue("Backend-Saw-Token-Level").orElse(null));
        assertTrue(put.headers().firstValue("Backend-Saw-Authorization").isEmpty(), "the token stops at nginx");
        assertEquals("written through nginx", viaNginx("GET", file, basic(writer)).body());
        assertEquals(204, viaNginx("DELETE", file, bearer(writer)).statusCode());
        assertEquals(404, viaNginx("GET", file, bearer(writer)).statusCode());
    }

    @Test
    void noOrAnUnknownTokenGets401WithTheApiChallenges() throws Exception {
        Token reader = token("READ_ONLY");
        String unknown = "Bearer " + reader.value().substring(0, reader.value().length() - 4) + "AAAA";
        for (String authorization : List.of("", unknown, "Basic " + encode("not-a-token:x"))) {
            HttpResponse<String> refused = viaNginx("GET", "/files/hello.txt", authorization);
            assertEquals(401, refused.statusCode(), authorization);
            // nginx before 1.23 (Debian 12 has 1.22) passes on only the first challenge: the Bearer one.
            List<String> challenges = refused.headers().allValues("WWW-Authenticate");
            assertFalse(challenges.isEmpty(), authorization);
            assertTrue(challenges.get(0).startsWith("Bearer realm=\"tollgate\""), challenges.toString());
        }
    }

    @Test
    void theClientLearnsWhenItsTokenExpiresAsFromTheApi() throws Exception {
        Token reader = token("READ_ONLY");
        assertTrue(viaNginx("GET", "/files/hello.txt", bearer(reader)).headers()
                .firstValue("Tollgate-Token-Expires").isEmpty(), "a token that never expires");
        assertEquals(204, support("POST", "tokens/" + reader.id() + "/expires-in/86400").statusCode());
        HttpResponse<String> direct = direct("GET", bearer(reader), "X-Original-Method", "GET");
        String expires = direct.headers().firstValue("Tollgate-Token-Expires").orElseThrow();
        assertTrue(expires.endsWith(" GMT"), expires);
        HttpResponse<String> read = viaNginx("GET", "/files/hello.txt", bearer(reader));
        assertEquals(200, read.statusCode());
        assertEquals(List.of(expires), read.headers().allValues("Tollgate-Token-Expires"));
    }

    @Test
    void anAllowListAppliesToTheClientAddressThatNginxForwards() throws Exception {
        Token reader = token("READ_ONLY");
        assertEquals(204, support("POST", "tokens/" + reader.id() + "/allowed?list=198.51.100.0/24").statusCode());
        assertEquals(200, viaNginx("GET", "/files/hello.txt", bearer(reader), null,
                "X-Forwarded-For", "198.51.100.7").statusCode());
        assertEquals(403, viaNginx("GET", "/files/hello.txt", bearer(reader)).statusCode(), "from 127.0.0.1");
        assertEquals(403, viaNginx("GET", "/files/hello.txt", bearer(reader), null,
                "X-Forwarded-For", "203.0.113.9").statusCode());
    }

    @Test
    void aDeletedTokenIsRefusedOnTheNextRequest() throws Exception {
        Token reader = token("READ_ONLY");
        assertEquals(200, viaNginx("GET", "/files/hello.txt", bearer(reader)).statusCode());
        assertEquals(204, support("DELETE", "tokens/" + reader.id()).statusCode());
        assertEquals(401, viaNginx("GET", "/files/hello.txt", bearer(reader)).statusCode());
    }

    @Test
    void aLocationThatNeedsReadAndWriteRefusesAReadOnlyTokenEvenWhenTheClientSaysOtherwise() throws Exception {
        Token reader = token("READ_ONLY");
        Token writer = token("READ_AND_WRITE");
        assertEquals(403, viaNginx("GET", "/admin/index.txt", bearer(reader)).statusCode());
        assertEquals(403, viaNginx("GET", "/admin/index.txt", bearer(reader),
                null, "Tollgate-Require-Level", "read-only").statusCode());
        assertEquals(200, viaNginx("GET", "/admin/index.txt", bearer(writer)).statusCode());
    }

    @Test
    void headersAClientForgesChangeNothing() throws Exception {
        Token reader = token("READ_ONLY");
        // The method a client claims in the other style is dropped by nginx: a PUT stays a PUT.
        assertEquals(403, viaNginx("PUT", "/files/hello.txt", bearer(reader), "x",
                "X-Forwarded-Method", "GET", "X-Original-Method", "GET").statusCode());
        HttpResponse<String> read = viaNginx("GET", "/files/hello.txt", bearer(reader), null,
                "Tollgate-Token-Name", "admin", "Tollgate-Token-Level", "read-and-write", "Tollgate-Token-Id", "1");
        assertEquals(200, read.statusCode());
        assertEquals(reader.name(), read.headers().firstValue("Backend-Saw-Token-Name").orElse(null));
        assertEquals("read-only", read.headers().firstValue("Backend-Saw-Token-Level").orElse(null));
        assertEquals(String.valueOf(reader.id()), read.headers().firstValue("Backend-Saw-Token-Id").orElse(null));
    }

    @Test
    void aThrottledAddressGets403WithRetryAfterThroughNginxAndAKnownGoodTokenStillPasses() throws Exception {
        Token reader = token("READ_ONLY");
        String address = "192.0.2.77";
        assertEquals(200, viaNginx("GET", "/files/hello.txt", bearer(reader), null,
                "X-Forwarded-For", address).statusCode());
        String unknown = "Bearer tlg_" + "B".repeat(38);
        int status = 0;
        for (int i = 0; i < 25 && status != 403; i++) {
            status = viaNginx("GET", "/files/hello.txt", unknown, null, "X-Forwarded-For", address).statusCode();
        }
        assertEquals(403, status, "throttled after the API's limit of failures");
        HttpResponse<String> throttled = viaNginx("GET", "/files/hello.txt", "", null, "X-Forwarded-For", address);
        assertEquals(403, throttled.statusCode());
        assertTrue(Long.parseLong(throttled.headers().firstValue("Retry-After").orElse("0")) > 0);
        assertEquals(200, viaNginx("GET", "/files/hello.txt", bearer(reader), null,
                "X-Forwarded-For", address).statusCode(), "the token it used before still works");
    }

    @Test
    void noTokenValueReachesNginxsAccessLog() throws Exception {
        Token reader = token("READ_ONLY");
        Token writer = token("READ_AND_WRITE");
        String marker = "/files/log-" + UUID.randomUUID();
        viaNginx("GET", marker, bearer(reader));
        viaNginx("GET", marker, basic(writer));
        viaNginx("GET", marker + "?token=" + writer.value(), basic(reader));
        // A graceful stop finishes every request's log line: the log is complete once the process is gone.
        stop();
        String log = Files.readString(dir.resolve("access.log"));
        assertEquals(3, log.lines().filter(line -> line.contains(marker)).count(), log);
        assertTrue(log.contains("token=" + reader.id()), "the log names the token by id");
        for (Token token : List.of(reader, writer)) {
            assertFalse(log.contains(token.value()), "a token value in the access log");
            assertFalse(log.contains(token.value().substring(4, 20)), "part of a token value in the access log");
        }
    }

    @Test
    void lastUseIsRecordedWithTheClientsAddressAsNginxForwardsIt() throws Exception {
        Token reader = token("READ_ONLY");
        assertEquals(200, viaNginx("GET", "/files/hello.txt", bearer(reader), null,
                "X-Forwarded-For", "198.51.100.7").statusCode());
        assertEquals(200, support("POST", "last-uses/flush").statusCode());
        JsonObject usage = json(support("GET", "tokens/" + reader.id()));
        assertEquals("198.51.100.7", usage.getString("lastUsedIp"), usage.toString());
    }

    // ---- the endpoint, asked directly

    @Test
    void aGrantedRequestGets204WithTheTokensIdNameAndLevel() throws Exception {
        Token reader = token("READ_ONLY");
        HttpResponse<String> granted = direct("GET", bearer(reader), "X-Forwarded-Method", "HEAD",
                "X-Forwarded-Uri", "/anything?x=1");
        assertEquals(204, granted.statusCode());
        assertEquals(String.valueOf(reader.id()), granted.headers().firstValue("Tollgate-Token-Id").orElse(null));
        assertEquals(reader.name(), granted.headers().firstValue("Tollgate-Token-Name").orElse(null));
        assertEquals("read-only", granted.headers().firstValue("Tollgate-Token-Level").orElse(null));
        assertEquals("no-store", granted.headers().firstValue("Cache-Control").orElse(null));
        // Its own method does not matter: nginx may ask with the original one.
        assertEquals(204, direct("POST", bearer(reader), "X-Original-Method", "GET").statusCode());
        assertEquals(403, direct("GET", bearer(reader), "X-Original-Method", "POST").statusCode());
    }

    @Test
    void whatAProxyGetsWrongIsA403ThatSaysWhatNeverA500() throws Exception {
        Token writer = token("READ_AND_WRITE");
        List<String[]> wrong = List.of(
                new String[] {},
                new String[] {"X-Original-Method", "GET", "X-Forwarded-Method", "POST"},
                new String[] {"X-Original-Method", "GET", "X-Original-URI", "/a", "X-Forwarded-Uri", "/b"},
                new String[] {"X-Original-Method", "G E T"},
                new String[] {"X-Original-Method", "GET", "X-Original-URI", "no-slash"},
                new String[] {"X-Original-Method", "GET", "Tollgate-Require-Level", "admin"});
        for (String[] headers : wrong) {
            HttpResponse<String> refused = direct("GET", bearer(writer), headers);
            assertEquals(403, refused.statusCode(), String.join(" ", headers));
            assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(null));
            assertEquals(403, json(refused.body()).getInt("status"));
        }
        HttpResponse<String> none = direct("GET", bearer(writer));
        assertTrue(json(none.body()).getString("detail").contains("X-Original-Method"), none.body());
    }

    @Test
    void aMethodTheApiDoesNotAcceptAndAnExpiredTokenAreRefusedAsTheApiRefusesThem() throws Exception {
        Token writer = token("READ_AND_WRITE");
        HttpResponse<String> propfind = direct("GET", bearer(writer), "X-Original-Method", "PROPFIND");
        assertEquals(403, propfind.statusCode(), "nginx passes only 2xx, 401 and 403");
        assertTrue(json(propfind.body()).getString("detail").contains("accepts only"), propfind.body());
        assertEquals(204, support("POST", "tokens/" + writer.id() + "/expires-in/60").statusCode());
        assertEquals(204, support("POST", "clock/61").statusCode());
        HttpResponse<String> expired = direct("GET", bearer(writer), "X-Original-Method", "GET");
        assertEquals(401, expired.statusCode());
        assertEquals(List.of("Bearer realm=\"tollgate\", error=\"invalid_token\"",
                "Basic realm=\"tollgate\", charset=\"UTF-8\""), expired.headers().allValues("WWW-Authenticate"));
        assertTrue(json(expired.body()).getString("detail").contains("expired"), expired.body());
    }

    // ---- nginx

    private void startNginx() throws Exception {
        assertTrue(Files.isExecutable(NGINX), "Debian's nginx is needed: apt-get install nginx");
        dir = Files.createDirectories(Path.of("target/nginx-it")).toAbsolutePath();
        Files.createDirectories(dir.resolve("temp"));
        Path www = Files.createDirectories(dir.resolve("www/files"));
        Files.createDirectories(dir.resolve("www/admin"));
        Files.writeString(www.resolve("hello.txt"), "hello from a backend Tollgate does not contain\n");
        Files.writeString(dir.resolve("www/admin/index.txt"), "admins only\n");
        // nginx's workers run as nobody when the tests run as root, and WebDAV writes files as them.
        for (Path writable : List.of(www, dir.resolve("www/admin"), dir.resolve("temp"))) {
            Files.setPosixFilePermissions(writable, PosixFilePermissions.fromString("rwxrwxrwx"));
        }
        for (String snippet : List.of("tollgate-auth.conf", "tollgate-pass.conf", "tollgate-auth-proxy.conf")) {
            String text = Files.readString(SNIPPETS.resolve(snippet));
            if (snippet.equals("tollgate-auth-proxy.conf")) { // the deployment's context path, nothing else
                assertTrue(text.contains(SHIPPED_PASS), snippet);
                text = text.replace(SHIPPED_PASS, "proxy_pass http://tollgate" + deployed.getPath()
                        + "api/forward-auth;");
            }
            Files.writeString(dir.resolve(snippet), text);
        }
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String conf = new String(ForwardAuthIT.class.getResourceAsStream("/nginx/forward-auth-it.conf")
                .readAllBytes(), StandardCharsets.UTF_8)
                .replace("@DIR@", dir.toString()).replace("@PORT@", String.valueOf(port))
                .replace("@TOLLGATE@", "127.0.0.1:" + deployed.getPort());
        Files.writeString(dir.resolve("nginx.conf"), conf);
        Files.deleteIfExists(dir.resolve("backend.sock"));
        nginx("-t");
        nginx();
        front = URI.create("http://127.0.0.1:" + port);
    }

    /** Quits gracefully and waits until the master process is gone. */
    private static void stop() throws Exception {
        long pid = Long.parseLong(Files.readString(dir.resolve("nginx.pid")).strip());
        ProcessHandle master = ProcessHandle.of(pid).orElseThrow();
        nginx("-s", "quit");
        master.onExit().get(60, TimeUnit.SECONDS);
        front = null;
    }

    private static void nginx(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(NGINX.toString(), "-p", dir.toString(), "-c",
                dir.resolve("nginx.conf").toString(), "-e", dir.resolve("error.log").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "nginx " + String.join(" ", arguments));
        assertEquals(0, process.exitValue(), "nginx " + String.join(" ", arguments) + ":\n" + output);
    }

    // ---- helpers

    private HttpResponse<String> viaNginx(String method, String path, String authorization) throws Exception {
        return viaNginx(method, path, authorization, null);
    }

    /** A request through nginx, with a body if not null and more headers as name, value pairs. */
    private HttpResponse<String> viaNginx(String method, String path, String authorization, String body,
                                          String... headers) throws Exception {
        return send(front.resolve(path), method, authorization, body, headers);
    }

    /** A request straight to the endpoint, as a proxy would send it. */
    private HttpResponse<String> direct(String method, String authorization, String... headers) throws Exception {
        return send(tollgate.resolve("api/forward-auth"), method, authorization, null, headers);
    }

    private HttpResponse<String> send(URI uri, String method, String authorization, String body,
                                      String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (!authorization.isEmpty()) {
            request.header("Authorization", authorization);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> support(String method, String path) throws Exception {
        return send(tollgate.resolve("api/test-support/" + path), method, "", null);
    }

    private Token token(String level) throws Exception {
        HttpResponse<String> created = support("POST", "tokens/" + level);
        assertEquals(200, created.statusCode(), created.body());
        JsonObject token = json(created.body());
        return new Token(token.getJsonNumber("id").longValue(), token.getString("name"), token.getString("value"));
    }

    private static String bearer(Token token) {
        return "Bearer " + token.value();
    }

    private static String basic(Token token) {
        return "Basic " + encode(token.value() + ":x");
    }

    private static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonObject json(HttpResponse<String> response) {
        return json(response.body());
    }

    private static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }
}
