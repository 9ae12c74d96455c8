package dev.tollgate.platform;

import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;

/**
 * Lets a query whose database connection failed fail at once. EclipseLink by default runs such a query up to 3 more
 * times, 5 s apart: with the database gone, every API request then hung for 10 s or more (DatabaseOutageIT
 * measured 10.1 s) before its 503, and held a request thread meanwhile. The server's pool opens new connections by
 * itself once the database is back, so the retries buy nothing.
 *
 * <p>EclipseLink's own API, not a standard one: the design names EclipseLink as the provider (persistence.xml), and
 * it has no persistence-unit property for this. Another provider would ignore the property that names this class.
 * {@code org.eclipse.persistence.sessions.SessionCustomizer}, not the older one in {@code config}: EclipseLink 5
 * (Jakarta EE 11, Payara 7) has only this one.
 */
public class FailFast implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        session.getLogin().setQueryRetryAttemptCount(0);
        session.getLogin().setDelayBetweenConnectionAttempts(0);
    }
}
