package dev.tollgate.console;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.UserTransaction;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import dev.tollgate.api.LastUses;
import dev.tollgate.usage.UsageCounts;

/**
 * Test deployment only (behind the console's sign-in): makes a token look as if days had passed since it was made,
 * which no console or API action can do, since a token's expiry must be in the future when it is set.
 * {@code ?name=...&expiredDaysAgo=1} moves its expiry into the past; {@code &createdDaysAgo=40} its creation;
 * {@code &oldValueUsedMinutesAgo=5} records a use of its rotated-out value (as a flush of API uses would);
 * {@code &usageDaysAgo=3} gives it a day of usage; {@code ?flushed=1} writes the API's counted uses now.
 * A bulk update, on purpose: it writes what time would have made of the row, past the entity's own rules.
 */
@WebServlet("/test/time-passed")
public class TimePassedFixture extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @PersistenceContext
    transient EntityManager em;

    @Resource
    transient UserTransaction transaction;

    @Inject
    transient LastUses lastUses;

    @Inject
    transient UsageCounts usageCounts;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Instant now = Instant.now();
        String name = request.getParameter("name");
        int changed;
        try {
            transaction.begin();
            changed = 0;
            if (request.getParameter("expiredDaysAgo") != null) {
                changed += em.createQuery("UPDATE ApiToken t SET t.expiresAt = :at WHERE t.name = :name")
                        .setParameter("at", now.minus(days(request, "expiredDaysAgo")))
                        .setParameter("name", name).executeUpdate();
            }
            if (request.getParameter("createdDaysAgo") != null) {
                changed += em.createQuery("UPDATE ApiToken t SET t.createdAt = :at WHERE t.name = :name")
                        .setParameter("at", now.minus(days(request, "createdDaysAgo")))
                        .setParameter("name", name).executeUpdate();
            }
            if (request.getParameter("oldValueUsedMinutesAgo") != null) {
                changed += em.createQuery("UPDATE ApiToken t SET t.previousUsedAt = :at WHERE t.name = :name")
                        .setParameter("at", now.minus(Duration.ofMinutes(
                                Long.parseLong(request.getParameter("oldValueUsedMinutesAgo")))))
                        .setParameter("name", name).executeUpdate();
            }
            if (request.getParameter("usageDaysAgo") != null) {
                // a day of usage as the flushes of that day would have left it: 5 served, 2 refused (level)
                changed += em.createNativeQuery("INSERT INTO TOKEN_USAGE (TOKEN_ID, USAGE_DAY, SERVED,"
                                + " REFUSED_LEVEL, TOP_ADDRESSES) SELECT ID, ?1, 5, 2, '198.51.100.4=7' FROM API_TOKEN"
                                + " WHERE NAME = ?2")
                        .setParameter(1, java.sql.Date.valueOf(LocalDate.now(ZoneOffset.UTC).minusDays(
                                Long.parseLong(request.getParameter("usageDaysAgo")))))
                        .setParameter(2, name).executeUpdate();
            }
            transaction.commit();
            if (request.getParameter("flushed") != null) {
                // the minute that the usage and last-use flushes wait for
                lastUses.flush();
                usageCounts.flush();
                changed = 1;
            }
        } catch (Exception e) {
            throw new IOException(e);
        }
        response.setContentType("text/plain");
        response.getWriter().write(String.valueOf(changed));
    }

    private static Duration days(HttpServletRequest request, String parameter) {
        return Duration.ofDays(Long.parseLong(request.getParameter(parameter))).plusMinutes(1);
    }
}
