package dev.tollgate.usage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.logging.Logger;

import dev.tollgate.token.ApiToken;
import dev.tollgate.token.TokenChanged;

/**
 * The token usage service: writes what {@link UsageCounts} gathered, keeps each token's "requests in the last 30
 * days" exact, purges days older than {@value #KEPT_DAYS}, and reads a token's report for the console.
 */
@ApplicationScoped
@Transactional
public class Usage {

    /** The chart's and the "Requests (30 d)" column's window, today included. */
    public static final int WINDOW_DAYS = 30;
    static final int KEPT_DAYS = 90;
    static final int TOP_SHOWN = 5;
    private static final int SUM_CHUNK = 200;
    private static final Logger LOG = Logger.getLogger(Usage.class.getName());

    private static final Comparator<Tally> ORDER = Comparator.comparingLong(Tally::tokenId)
            .thenComparing(Tally::day);

    @PersistenceContext
    EntityManager em;

    private volatile LocalDate lastNewDay;

    /**
     * Adds the tallies to their days' rows, in token order so that two servers' flushes cannot deadlock, each row
     * locked while it is read and written, and then sets the tokens' 30-day sums from their rows, so that what the
     * tokens table sorts by is exact whichever server wrote last. A row that two servers insert at the same moment
     * fails one flush, which is given back and written with the next.
     */
    public void record(Collection<Tally> tallies, LocalDate today) {
        List<Long> tokens = new ArrayList<>();
        for (Tally tally : tallies.stream().sorted(ORDER).toList()) {
            DailyUsage.Key key = new DailyUsage.Key(tally.tokenId(), tally.day());
            DailyUsage row = em.find(DailyUsage.class, key, LockModeType.PESSIMISTIC_WRITE);
            if (row == null) {
                row = new DailyUsage(tally.tokenId(), tally.day());
                em.persist(row);
            }
            row.add(tally);
            if (tokens.isEmpty() || tokens.get(tokens.size() - 1) != tally.tokenId()) {
                tokens.add(tally.tokenId());
            }
        }
        em.flush();
        // One statement for all the flush's tokens (in chunks that every database takes as bound parameters), not
        // one per token: a flush writes each token's day row once and nothing else per token.
        for (int from = 0; from < tokens.size(); from += SUM_CHUNK) {
            List<Long> chunk = tokens.subList(from, Math.min(tokens.size(), from + SUM_CHUNK));
            StringJoiner ids = new StringJoiner(", ", "(", ")");
            for (int i = 0; i < chunk.size(); i++) {
                ids.add("?" + (i + 2));
            }
            var update = em.createNativeQuery("UPDATE API_TOKEN SET REQUESTS_30D = COALESCE((SELECT SUM(u.SERVED"
                            + " + u.REFUSED_LEVEL + u.REFUSED_ADDRESS + u.REFUSED_EXPIRED) FROM TOKEN_USAGE u"
                            + " WHERE u.TOKEN_ID = API_TOKEN.ID AND u.USAGE_DAY >= ?1), 0) WHERE ID IN " + ids)
                    .setParameter(1, Date.valueOf(windowStart(today)));
            for (int i = 0; i < chunk.size(); i++) {
                update.setParameter(i + 2, chunk.get(i));
            }
            update.executeUpdate();
        }
    }

    /**
     * Once per UTC day on each server (idempotent, so several servers may), before the day's first flush: the days
     * that left the 30-day window leave the sums of the tokens that had them, and days older than
     * {@value #KEPT_DAYS} are deleted. Retried at the next flush if it fails.
     */
    public void newDay(LocalDate today) {
        if (today.equals(lastNewDay)) {
            return;
        }
        Date windowStart = Date.valueOf(windowStart(today));
        int slid = em.createNativeQuery("UPDATE API_TOKEN SET REQUESTS_30D = COALESCE((SELECT SUM(u.SERVED"
                        + " + u.REFUSED_LEVEL + u.REFUSED_ADDRESS + u.REFUSED_EXPIRED) FROM TOKEN_USAGE u"
                        + " WHERE u.TOKEN_ID = API_TOKEN.ID AND u.USAGE_DAY >= ?1), 0)"
                        + " WHERE REQUESTS_30D > 0 AND ID IN (SELECT o.TOKEN_ID FROM TOKEN_USAGE o"
                        + " WHERE o.USAGE_DAY < ?1)")
                .setParameter(1, windowStart).executeUpdate();
        int purged = em.createNativeQuery("DELETE FROM TOKEN_USAGE WHERE USAGE_DAY < ?1")
                .setParameter(1, Date.valueOf(today.minusDays(KEPT_DAYS))).executeUpdate();
        lastNewDay = today;
        LOG.fine(() -> "Usage window moved to " + today + ": " + slid + " sums updated, " + purged
                + " old days purged");
    }

    /** The report of the token with this id, if it still exists. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UsageReport> report(long tokenId, LocalDate today) {
        return Optional.ofNullable(em.find(ApiToken.class, tokenId)).map(token -> report(token, today));
    }

    /** The last {@value #WINDOW_DAYS} days of a token's usage, from its rows: one query, whatever the window. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public UsageReport report(ApiToken token, LocalDate today) {
        List<DailyUsage> rows = em.createQuery("SELECT u FROM DailyUsage u WHERE u.tokenId = :token"
                        + " AND u.day >= :from ORDER BY u.day", DailyUsage.class)
                .setParameter("token", token.getId()).setParameter("from", windowStart(today))
                .getResultList();
        Map<LocalDate, DailyUsage> byDay = new HashMap<>();
        rows.forEach(row -> byDay.put(row.getDay(), row));
        List<UsageReport.Day> days = new ArrayList<>();
        long level = 0;
        long address = 0;
        long expired = 0;
        TopAddresses top = new TopAddresses(Map.of());
        for (LocalDate day = windowStart(today); !day.isAfter(today); day = day.plusDays(1)) {
            DailyUsage row = byDay.get(day);
            days.add(row == null ? new UsageReport.Day(day, 0, 0)
                    : new UsageReport.Day(day, row.getServed(), row.getRefused()));
            if (row != null) {
                level += row.getRefusedLevel();
                address += row.getRefusedAddress();
                expired += row.getRefusedExpired();
                top = top.plus(row.topAddresses().counts());
            }
        }
        List<UsageReport.AddressCount> busiest = top.busiest(TOP_SHOWN).stream()
                .map(e -> new UsageReport.AddressCount(e.getKey(), e.getValue())).toList();
        return new UsageReport(days, level, address, expired, busiest, token.getLastUsedAt(), token.getLastUsedIp());
    }

    /** In the deleting transaction: a deleted token's usage goes with it. */
    void deleted(@Observes TokenChanged change) {
        if (change.kind() == TokenChanged.Kind.DELETED) {
            em.createNativeQuery("DELETE FROM TOKEN_USAGE WHERE TOKEN_ID = ?1")
                    .setParameter(1, change.before().id()).executeUpdate();
        }
    }

    static LocalDate windowStart(LocalDate today) {
        return today.minusDays(WINDOW_DAYS - 1L);
    }
}
