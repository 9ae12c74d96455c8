package dev.tollgate.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.tollgate.platform.ClientAddress;

/**
 * Writes and reads the audit trail. {@link #record} joins the caller's transaction, so that a change and the record
 * of it commit together or not at all; called outside one (a failed sign-in) it commits on its own.
 *
 * <p>The client address is the current HTTP request's remote address, read through the request-scoped
 * {@link HttpServletRequest} bean that Jakarta EE provides; with no request (a start-up task) there is none. Behind a
 * reverse proxy it is the forwarded client's address if {@code tollgate.api.trusted-proxies} names the proxy
 * ({@link ClientAddress}), else the proxy's.
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
        record(action, actor, tokenName, details, clientAddress());
    }

    /** Records an event on behalf of a client whose address the caller knows. */
    public void record(AuditAction action, String actor, String tokenName, String details, String clientIp) {
        em.persist(new AuditRecord(clock.instant(), actor, action, tokenName, details, clientIp));
    }

    /** When {@code actor}'s last {@code limit} records of these actions after {@code since} happened, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Instant> times(String actor, Set<AuditAction> actions, Instant since, int limit) {
        return times(em.createNamedQuery("AuditRecord.timesOf", Instant.class)
                .setParameter("actor", actor), actions, since, limit);
    }

    /** Like {@link #times}, only for records made from one client address. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Instant> times(String actor, String clientIp, Set<AuditAction> actions, Instant since, int limit) {
        return times(em.createNamedQuery("AuditRecord.timesOfFrom", Instant.class)
                .setParameter("actor", actor)
                .setParameter("clientIp", AuditRecord.storedClientIp(clientIp)), actions, since, limit);
    }

    /** When the last {@code limit} records of these actions from one client address after {@code since} happened. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Instant> timesFrom(String clientIp, Set<AuditAction> actions, Instant since, int limit) {
        return times(em.createNamedQuery("AuditRecord.timesFrom", Instant.class)
                .setParameter("clientIp", AuditRecord.storedClientIp(clientIp)), actions, since, limit);
    }

    private static List<Instant> times(TypedQuery<Instant> query, Set<AuditAction> actions, Instant since,
                                       int limit) {
        return query.setParameter("actions", actions)
                .setParameter("since", since)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * Removes up to {@code limit} of the oldest records that happened before {@code before}, in one transaction of
     * its own; {@link AuditRetention} calls it until fewer come back.
     *
     * @return how many were removed
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int removeOlderThan(Instant before, int limit) {
        return remove(em.createNamedQuery("AuditRecord.idsBefore", Long.class), before, limit);
    }

    /** Like {@link #removeOlderThan(Instant, int)}, only for records of these actions. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int removeOlderThan(Instant before, Set<AuditAction> actions, int limit) {
        return remove(em.createNamedQuery("AuditRecord.idsOfBefore", Long.class).setParameter("actions", actions),
                before, limit);
    }

    private int remove(TypedQuery<Long> oldest, Instant before, int limit) {
        List<Long> ids = oldest.setParameter("before", before).setMaxResults(limit).getResultList();
        return ids.isEmpty() ? 0 : em.createNamedQuery("AuditRecord.removeIds").setParameter("ids", ids)
                .executeUpdate();
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
            return ClientAddress.of(request);
        } catch (ContextNotActiveException | IllegalStateException noHttpRequest) {
            return null;
        }
    }
}
