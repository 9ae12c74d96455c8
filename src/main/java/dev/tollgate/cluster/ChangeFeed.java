package dev.tollgate.cluster;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.naming.NamingException;
import javax.sql.DataSource;

import dev.tollgate.platform.Configuration;
import dev.tollgate.platform.Database;
import dev.tollgate.token.CacheLease;
import dev.tollgate.token.TokenCache;
import dev.tollgate.token.TokenChanged;
import dev.tollgate.token.TokenCounts;

/**
 * Carries token changes between servers that share the database, through the table {@code TOKEN_CHANGE}.
 *
 * <p>Every token change writes a row per digest it touched (the old and the new value's, a rotated-out value's) in
 * the change's own transaction, so a row exists exactly when the change committed. Every server reads the rows it
 * has not seen every {@code tollgate.cluster.poll-millis} (default 200) with one query on the primary key, and drops
 * those digests from its {@link TokenCache} (a deleted or changed token is refused, a new one found) and its
 * {@link TokenCounts}. A change made on another server is enforced here within one poll interval and the query's
 * time; API requests themselves never query the feed.
 *
 * <p>Fail closed: each successful read renews the caches' {@link CacheLease} for
 * {@code tollgate.cluster.stale-millis} (default 3000) from when the read began. A server that cannot read the feed
 * for longer, because the database is out of reach or the poller is stuck, stops answering from its caches within
 * that bound and reads the database on every request; when it reads the feed again it empties its caches and
 * starts over. Rows older than {@value #RETENTION_MINUTES} minutes are purged by whichever server gets there.
 */
@ApplicationScoped
public class ChangeFeed {

    static final int DEFAULT_POLL_MILLIS = 200;
    static final int DEFAULT_STALE_MILLIS = 3000;
    static final int RETENTION_MINUTES = 10;
    /** How long a token change's transaction may take from writing its row to committing (FeedCursor). */
    static final Duration LATE_COMMIT_WINDOW = Duration.ofSeconds(10);
    private static final Duration PURGE_EVERY = Duration.ofMinutes(1);
    private static final Logger LOG = Logger.getLogger(ChangeFeed.class.getName());

    /** This server's id in the feed, new at every start: its own rows are skipped when read back. */
    private final String node = UUID.randomUUID().toString();

    @PersistenceContext
    EntityManager em;

    @Inject
    Database database;

    @Inject
    Configuration configuration;

    @Inject
    TokenCache cache;

    @Inject
    TokenCounts counts;

    @Inject
    CacheLease lease;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    private volatile DataSource dataSource;
    private ScheduledFuture<?> polling;
    private FeedCursor cursor;
    long staleNanos;
    private long nextPurge;
    private boolean purgedOnce;
    private boolean failing;

    /** In the token change's transaction: one row per digest that the change touched. */
    void record(@Observes TokenChanged change) {
        Set<String> digests = change.digests();
        Timestamp now = Timestamp.from(Instant.now());
        for (String digest : digests) {
            em.createNativeQuery("INSERT INTO TOKEN_CHANGE (CHANGED_AT, NODE, DIGEST) VALUES (?1, ?2, ?3)")
                    .setParameter(1, now).setParameter(2, node).setParameter(3, digest)
                    .executeUpdate();
        }
    }

    /** After the schema is migrated (platform.Database observes the same event earlier). */
    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) @Initialized(ApplicationScoped.class)
               Object applicationStarted) {
        int pollMillis = Math.max(10, configuration.intValue("tollgate.cluster.poll-millis", DEFAULT_POLL_MILLIS));
        int staleMillis = Math.max(pollMillis * 2,
                configuration.intValue("tollgate.cluster.stale-millis", DEFAULT_STALE_MILLIS));
        staleNanos = TimeUnit.MILLISECONDS.toNanos(staleMillis);
        polling = scheduler.scheduleWithFixedDelay(this::poll, 0, pollMillis, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object applicationStopping) {
        if (polling != null) {
            polling.cancel(false);
        }
    }

    /** One read of the feed; never throws, since an exception would end the scheduled task. */
    void poll() {
        long began = System.nanoTime();
        try (Connection connection = dataSource().getConnection()) {
            if (cursor == null || !lease.valid()) {
                // First read, or after a lapse: what changed meanwhile is unknown (rows may be purged). Start over.
                cursor = new FeedCursor(startingPoint(connection), LATE_COMMIT_WINDOW.toNanos());
                cache.clear();
                counts.invalidate();
            }
            read(connection);
            cursor.advance(began);
            lease.renewUntil(began + staleNanos);
            if (failing) {
                failing = false;
                LOG.info("Reading the token change feed again; the API's token cache is in use again");
            }
            purgeNowAndThen(connection, began);
        } catch (SQLException | NamingException | RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.log(Level.WARNING, "Cannot read the token change feed ({0}); the API reads every token from"
                        + " the database once the last read is older than the bound", e.toString());
            }
        }
    }

    private void read(Connection connection) throws SQLException {
        boolean changedElsewhere = false;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT ID, NODE, DIGEST FROM TOKEN_CHANGE WHERE ID > ? ORDER BY ID")) {
            select.setLong(1, cursor.low());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (cursor.accept(rows.getLong(1)) && !node.equals(rows.getString(2))) {
                        cache.invalidate(rows.getString(3));
                        changedElsewhere = true;
                    }
                }
            }
        }
        if (changedElsewhere) {
            counts.invalidate();
        }
    }

    /** Rows older than the late-commit window predate this server's (empty) caches; newer ones are read. */
    private static long startingPoint(Connection connection) throws SQLException {
        try (PreparedStatement max = connection.prepareStatement(
                "SELECT MAX(ID) FROM TOKEN_CHANGE WHERE CHANGED_AT < ?")) {
            max.setTimestamp(1, Timestamp.from(Instant.now().minus(LATE_COMMIT_WINDOW)));
            try (ResultSet row = max.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }

    private void purgeNowAndThen(Connection connection, long now) {
        if (purgedOnce && now - nextPurge < 0) {
            return;
        }
        purgedOnce = true;
        nextPurge = now + PURGE_EVERY.toNanos();
        try (PreparedStatement purge = connection.prepareStatement(
                "DELETE FROM TOKEN_CHANGE WHERE CHANGED_AT < ?")) {
            purge.setTimestamp(1, Timestamp.from(Instant.now().minus(Duration.ofMinutes(RETENTION_MINUTES))));
            purge.executeUpdate();
        } catch (SQLException e) {
            // Another server purging the same rows at the same moment; the next purge catches up.
            LOG.log(Level.FINE, "Token change feed purge skipped", e);
        }
    }

    private DataSource dataSource() throws NamingException {
        DataSource known = dataSource;
        if (known == null) {
            known = database.dataSource();
            dataSource = known;
        }
        return known;
    }
}
