package dev.tollgate.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.tollgate.platform.Database;
import dev.tollgate.platform.Schema;
import dev.tollgate.token.CacheLease;
import dev.tollgate.token.TokenCache;
import dev.tollgate.token.TokenCounts;

/** The feed's reader on an embedded database: what it tells the caches, and when it stops vouching for them. */
class ChangeFeedTest {

    private final List<String> told = new ArrayList<>();
    private final EmbeddedDataSource derby = new EmbeddedDataSource();
    private boolean reachable;
    private ChangeFeed feed;

    @BeforeEach
    void feedOnAnEmptyDatabase() throws SQLException {
        derby.setDatabaseName("memory:feed-test-" + UUID.randomUUID());
        derby.setCreateDatabase("create");
        Schema.migrate(derby);
        feed = new ChangeFeed();
        // The feed keeps the data source it looked up; the database behind it comes and goes.
        DataSource flaky = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (!reachable && method.getName().equals("getConnection")) {
                        throw new SQLException("database out of reach", "08001");
                    }
                    try {
                        return method.invoke(derby, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        feed.database = new Database() {
            @Override
            public DataSource dataSource() {
                return flaky;
            }
        };
        feed.cache = new TokenCache() {
            @Override
            public void invalidate(String digest) {
                told.add("invalidate " + digest);
            }

            @Override
            public void clear() {
                told.add("clear");
            }
        };
        feed.counts = new TokenCounts() {
            @Override
            public void invalidate() {
                told.add("counts");
            }
        };
        feed.lease = new CacheLease();
        feed.staleNanos = TimeUnit.HOURS.toNanos(1);
    }

    private void changeOnAnotherServer(String digest) throws SQLException {
        try (Connection c = derby.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO TOKEN_CHANGE (CHANGED_AT, NODE, DIGEST) VALUES (CURRENT_TIMESTAMP,"
                    + " 'another-server', '" + digest + "')");
        }
    }

    @Test
    void untilTheFirstReadTheCachesAreNotTrusted() {
        feed.poll();
        assertFalse(feed.lease.valid(), "no read yet: every request reads the database");
        assertEquals(List.of(), told);

        reachable = true;
        feed.poll();
        assertTrue(feed.lease.valid());
        assertEquals(List.of("clear", "counts"), told, "starts from empty caches");
    }

    @Test
    void anotherServersChangeReachesTheCacheOnceAndTheCountsToo() throws SQLException {
        reachable = true;
        feed.poll();
        told.clear();
        changeOnAnotherServer("d1");
        changeOnAnotherServer("d2");
        feed.poll();
        feed.poll();
        assertEquals(List.of("invalidate d1", "invalidate d2", "counts"), told);
    }

    @Test
    void aServerThatCannotReadTheFeedStopsRenewingAndStartsOverWhenItCan() throws SQLException {
        reachable = true;
        feed.poll();
        reachable = false;
        feed.poll();
        assertTrue(feed.lease.valid(), "within the bound the last read still vouches");
        feed.lease.end(); // what the bound's passing does
        feed.poll();
        assertFalse(feed.lease.valid(), "a failed read renews nothing");

        told.clear();
        changeOnAnotherServer("d3");
        reachable = true;
        feed.poll();
        assertTrue(feed.lease.valid());
        assertEquals("clear", told.get(0), "what changed meanwhile is unknown: the caches start over");
        assertTrue(told.contains("invalidate d3"), "and recent rows are read again");
    }
}
