package dev.tollgate.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the audit trail. Immutable once written: the trail is a record of what happened, so nothing in
 * Tollgate changes it, and only {@link AuditRetention} deletes it, once it is past its retention. Texts that come
 * from outside (a tried account name, a token name) are cut to their column's length rather than refused: a sign-in
 * attempt with a 5,000-character name must still be recorded.
 */
@Entity
@Table(name = "AUDIT_RECORD")
@NamedQuery(name = "AuditRecord.timesOf", query = "SELECT r.occurredAt FROM AuditRecord r"
        + " WHERE r.actor = :actor AND r.action IN :actions AND r.occurredAt > :since ORDER BY r.occurredAt DESC")
@NamedQuery(name = "AuditRecord.timesOfFrom", query = "SELECT r.occurredAt FROM AuditRecord r"
        + " WHERE r.actor = :actor AND r.clientIp = :clientIp AND r.action IN :actions AND r.occurredAt > :since"
        + " ORDER BY r.occurredAt DESC")
@NamedQuery(name = "AuditRecord.timesFrom", query = "SELECT r.occurredAt FROM AuditRecord r"
        + " WHERE r.clientIp = :clientIp AND r.action IN :actions AND r.occurredAt > :since"
        + " ORDER BY r.occurredAt DESC")
@NamedQuery(name = "AuditRecord.idsBefore", query = "SELECT r.id FROM AuditRecord r"
        + " WHERE r.occurredAt < :before ORDER BY r.occurredAt, r.id")
@NamedQuery(name = "AuditRecord.idsOfBefore", query = "SELECT r.id FROM AuditRecord r"
        + " WHERE r.action IN :actions AND r.occurredAt < :before ORDER BY r.occurredAt, r.id")
@NamedQuery(name = "AuditRecord.removeIds", query = "DELETE FROM AuditRecord r WHERE r.id IN :ids")
public class AuditRecord {

    public static final int ACTOR_MAX = 100;
    static final int TOKEN_NAME_MAX = 100;
    static final int DETAILS_MAX = 1000;
    static final int CLIENT_IP_MAX = 45;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "OCCURRED_AT", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = ACTOR_MAX)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(name = "ACTION_KIND", nullable = false, length = 30)
    private AuditAction action;

    @Column(name = "TOKEN_NAME", length = TOKEN_NAME_MAX)
    private String tokenName;

    @Column(length = DETAILS_MAX)
    private String details;

    @Column(name = "CLIENT_IP", length = CLIENT_IP_MAX)
    private String clientIp;

    protected AuditRecord() {
        // for JPA
    }

    AuditRecord(Instant occurredAt, String actor, AuditAction action, String tokenName, String details,
                String clientIp) {
        this.occurredAt = Objects.requireNonNull(occurredAt);
        this.action = Objects.requireNonNull(action);
        this.actor = cut(actor == null || actor.isBlank() ? "(unknown)" : actor, ACTOR_MAX);
        this.tokenName = cut(tokenName, TOKEN_NAME_MAX);
        this.details = cut(details, DETAILS_MAX);
        this.clientIp = storedClientIp(clientIp);
    }

    /** A client address as the trail keeps it, for queries that compare with what it kept. */
    public static String storedClientIp(String clientIp) {
        return cut(clientIp, CLIENT_IP_MAX);
    }

    static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public AuditAction getAction() {
        return action;
    }

    public String getTokenName() {
        return tokenName;
    }

    public String getDetails() {
        return details;
    }

    public String getClientIp() {
        return clientIp;
    }
}
