package dev.tollgate.bench;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import javax.naming.NamingException;

import dev.tollgate.api.LastUses;
import dev.tollgate.platform.Database;
import dev.tollgate.token.AccessLevel;
import dev.tollgate.token.ApiToken;
import dev.tollgate.token.TokenDigests;
import dev.tollgate.token.TokenDraft;
import dev.tollgate.token.TokenPage;
import dev.tollgate.token.TokenSearch;
import dev.tollgate.token.TokenSort;
import dev.tollgate.token.TokenValue;
import dev.tollgate.token.Tokens;

/**
 * The benchmark's control surface, present only in the bench WAR:
 * {@code POST /bench/seed?count=N} bulk-inserts N tokens with realistic names,
 * {@code POST /bench/tokens?name=X&level=READ_ONLY} creates one through {@link Tokens} and prints "id value",
 * {@code POST /bench/delete?id=N} deletes one through {@link Tokens} (the console's code path),
 * {@code POST /bench/unknown?count=N} prints N (default 1) well-formed values that belong to no token, one a line,
 * {@code POST /bench/flush-last-uses} writes the pending last uses now (so that a later measurement counts only its
 * own SQL statements), {@code GET /bench/queries} prints how many SQL statements have run: those that requests may
 * cause, then the change feed's own.
 */
@WebServlet("/bench/*")
// Open without signing in (the console's constraint covers /*): this WAR exists only on a benchmark machine.
@ServletSecurity(@HttpConstraint(ServletSecurity.EmptyRoleSemantic.PERMIT))
public class BenchServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String[] WORDS = {"forums", "billing", "wiki", "crm", "status", "helpdesk", "metrics",
        "backup", "deploy", "mobile", "partner", "reports", "search", "mail", "chat", "store"};

    @Inject
    transient Tokens tokens;

    @Inject
    transient TokenDigests digests;

    @Inject
    transient LastUses lastUses;

    /** Tollgate's own data source: the embedded one, or the server's pool in bench/run --database postgresql. */
    @Inject
    transient Database database;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        if ("/search".equals(request.getPathInfo())) {
            response.getWriter().println(timeSearch(request));
        } else {
            // the statements that requests may have caused, then the change feed's own (bench/run reads the first)
            response.getWriter().println(CountingDataSource.EXECUTED.get() + " " + CountingDataSource.FEED.get());
        }
    }

    /** The service alone, for diagnosing the console's queries: milliseconds and total rows. */
    private String timeSearch(HttpServletRequest request) {
        String level = request.getParameter("level");
        TokenSearch search = new TokenSearch(request.getParameter("name"), request.getParameter("value"),
                level == null ? null : AccessLevel.valueOf(level),
                TokenSort.valueOf(request.getParameter("sort") == null ? "NAME" : request.getParameter("sort")),
                !"false".equals(request.getParameter("asc")),
                Integer.parseInt(request.getParameter("first") == null ? "0" : request.getParameter("first")), 25);
        long start = System.nanoTime();
        TokenPage page = tokens.search(search);
        return (System.nanoTime() - start) / 1_000_000.0 + " ms, total " + page.total();
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        switch (path) {
            case "/seed" -> response.getWriter().println(seed(Integer.parseInt(request.getParameter("count"))));
            case "/tokens" -> {
                TokenValue value = tokens.generateValue();
                ApiToken token = tokens.create(new TokenDraft(request.getParameter("name"),
                        AccessLevel.valueOf(request.getParameter("level")), null), value, "bench");
                response.getWriter().println(token.getId() + " " + value.reveal());
            }
            case "/flush-last-uses" -> response.getWriter().println(lastUses.flush());
            case "/unknown" -> {
                int count = request.getParameter("count") == null ? 1 : Integer.parseInt(request.getParameter("count"));
                for (int i = 0; i < count; i++) {
                    response.getWriter().println(tokens.generateValue().reveal());
                }
            }
            case "/delete" -> {
                tokens.delete(Long.parseLong(request.getParameter("id")), "bench");
                response.getWriter().println("deleted");
            }
            default -> response.sendError(404);
        }
    }

    private int seed(int count) throws IOException {
        Random random = new Random(42);
        Instant now = Instant.now();
        String prefix = tokens.prefix();
        String sql = "INSERT INTO API_TOKEN (VERSION, NAME, NAME_KEY, DIGEST, HINT, ACCESS_LEVEL, EXPIRES_AT,"
                + " CREATED_AT, CREATED_BY, UPDATED_AT, LAST_USED_AT, LAST_USED_IP, ALLOWED_ADDRESSES, ADDRESS_COUNT,"
                + " ADDRESS_RESTRICTED) VALUES (0, ?, ?, ?, ?, ?, ?, ?, 'seed', ?, ?, ?, ?, ?, ?)";
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement(sql)) {
            connection.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                String name = WORDS[random.nextInt(WORDS.length)] + "-" + WORDS[random.nextInt(WORDS.length)]
                        + "-" + i;
                TokenValue value = TokenValue.generate(prefix);
                Instant created = now.minus(Duration.ofMinutes(random.nextInt(525_600)));
                insert.setString(1, name);
                insert.setString(2, name.toLowerCase(Locale.ROOT));
                insert.setString(3, digests.digest(value));
                insert.setString(4, value.hint());
                insert.setString(5, random.nextBoolean() ? "READ_ONLY" : "READ_AND_WRITE");
                insert.setTimestamp(6, random.nextInt(4) == 0
                        ? Timestamp.from(now.plus(Duration.ofDays(1 + random.nextInt(365)))) : null);
                insert.setTimestamp(7, Timestamp.from(created));
                insert.setTimestamp(8, Timestamp.from(created));
                boolean used = random.nextBoolean();
                insert.setTimestamp(9, used ? Timestamp.from(now.minusSeconds(random.nextInt(86_400))) : null);
                insert.setString(10, used ? "127.0.0." + (1 + random.nextInt(250)) : null);
                // One token in twenty works only from listed addresses (one to three ranges).
                int ranges = random.nextInt(20) == 0 ? 1 + random.nextInt(3) : 0;
                insert.setString(11, ranges == 0 ? null
                        : String.join(", ", List.of("10.0.0.0/8", "192.0.2.0/24", "2001:db8::/32").subList(0, ranges)));
                insert.setInt(12, ranges);
                insert.setInt(13, ranges > 0 ? 1 : 0);
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
            insert.executeBatch();
            connection.commit();
            // As Derby's statistics daemon (or PostgreSQL's autovacuum) would after a gradual growth: fresh
            // statistics for the optimizer.
            boolean derby = connection.getMetaData().getDatabaseProductName().contains("Derby");
            try (var statistics = connection.prepareCall(derby
                    ? "CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', 'API_TOKEN', NULL)" : "ANALYZE API_TOKEN")) {
                statistics.execute();
            }
            connection.commit();
            return count;
        } catch (SQLException | NamingException e) {
            throw new IOException(e);
        }
    }
}
