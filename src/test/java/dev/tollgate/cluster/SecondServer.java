package dev.tollgate.cluster;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * A second Payara Micro on loopback, started by the test next to the one Arquillian manages, on the same
 * PostgreSQL pool (the operator's post-boot file, the same TOLLGATE_DB_* environment) and with the same deployment.
 * Started the way every Payara Micro of the project is: no clustering, no Hazelcast, no phone-home.
 */
final class SecondServer implements AutoCloseable {

    private static final String READY = "Payara Micro URLs:";

    private final Process process;
    private final int port;

    private SecondServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static SecondServer start(WebArchive deployment) throws IOException {
        Path dir = Path.of(System.getProperty("tollgate.it.dir", "target"), "cluster-it");
        Files.createDirectories(dir);
        File war = dir.resolve("tollgate-cluster.war").toFile();
        deployment.as(ZipExporter.class).exportTo(war, true);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path log = dir.resolve("second-server.log");
        Process process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dhazelcast.phone.home.enabled=false", "-Djava.io.tmpdir=" + dir,
                "-Dtollgate.admin.password=tollgate-test-admin-password",
                "-jar", property("tollgate.it.payara-micro.jar"),
                "--nocluster", "--nohazelcast", "--disablephonehome", "--port", String.valueOf(port),
                "--rootdir", dir.resolve("payara-root").toString(), "--contextroot", "/",
                "--addlibs", property("tollgate.it.postgresql.jar"),
                "--postbootcommandfile", property("tollgate.it.post-boot"), "--deploy", war.toString()))
                .redirectErrorStream(true).start();
        SecondServer server = new SecondServer(process, port);
        server.awaitReady(log);
        server.requireDeployed(log);
        return server;
    }

    /**
     * Payara Micro says it is ready even when the deployment failed (say, the database was out of reach): then every
     * request would get a 404 and the test would fail far from the cause. The health answer says it in one line.
     */
    private void requireDeployed(Path log) {
        try {
            HttpResponse<Void> live = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(base().resolve("api/health/live")).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (live.statusCode() != 200) {
                throw new IllegalStateException("The second server started without Tollgate (GET /api/health/live: "
                        + live.statusCode() + "); see " + log);
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (IllegalStateException e) {
            close();
            throw e;
        }
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** Copies the server's output to its log and returns once it says it is up (or fails if it died). */
    private void awaitReady(Path log) throws IOException {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread copier = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8)); PrintWriter file = new PrintWriter(Files.newBufferedWriter(log))) {
                for (String line; (line = out.readLine()) != null; ) {
                    file.println(line);
                    file.flush();
                    if (line.contains(READY)) {
                        ready.complete(null);
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(new UncheckedIOException(e));
            }
            ready.completeExceptionally(new IllegalStateException("The second server stopped; see " + log));
        }, "second-server-log");
        copier.setDaemon(true);
        copier.start();
        try {
            ready.get(300, TimeUnit.SECONDS);
        } catch (Exception e) {
            close();
            throw new IllegalStateException("The second server did not start; see " + log, e);
        }
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException(name + " is not set: run this test with mvn -Ppostgresql verify");
        }
        return value;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
