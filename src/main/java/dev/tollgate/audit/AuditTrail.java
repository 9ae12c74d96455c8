package dev.tollgate.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Writes and reads the audit trail. {@link #record} joins the caller's transaction, so that a change and the record
 * of it commit together or not at all; called outside one (a failed sign-in) it commits on its own.
 *
 * <p>The client address is the current HTTP request's remote address, read through the request-scoped
 * {@link HttpServletRequest} bean that Jakarta EE provides; with no request (a start-up task) there is none. Behind a
 * reverse proxy it is the proxy's address unless the server is told to trust forwarded headers.
 */
@ApplicationScoped
@Transactional
public class AuditTrail {

    @PersistenceContext
    EntityManager em;

    @Inject
    HttpServletRequest request;

    Clock clock = Clock.systemUTC();

    /** Records what {@code actor} did; {@code tokenName} is null for events that concern no token. */
    public void record(AuditAction action, String actor, String tokenName, String details) {
        em.persist(new AuditRecord(clock.instant(), actor, action, tokenName, details, clientAddress()));
    }

    /** When {@code actor}'s last {@code limit} records of {@code action} after {@code since} happened, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Instant> times(String actor, AuditAction action, Instant since, int limit) {
        return em.createNamedQuery("AuditRecord.timesOf", Instant.class)
                .setParameter("actor", actor)
                .setParameter("action", action)
                .setParameter("since", since)
                .setMaxResults(limit)
                .getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditRecord> page(AuditSearch search) {
        return new AuditQueries(em).page(search);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(AuditFilter filter) {
        return new AuditQueries(em).count(filter);
    }

    private String clientAddress() {
        try {
            return request.getRemoteAddr();
        } catch (ContextNotActiveException | IllegalStateException noHttpRequest) {
            return null;
        }
    }
}
