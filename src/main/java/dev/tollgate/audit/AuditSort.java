package dev.tollgate.audit;

/** The Audit Log's sortable columns, each backed by an index (META-INF/sql/V3__accounts_and_audit.sql). */
public enum AuditSort {
    OCCURRED_AT("occurredAt"),
    ACTOR("actor"),
    ACTION("action"),
    TOKEN_NAME("tokenName"),
    CLIENT_IP("clientIp");

    final String attribute;

    AuditSort(String attribute) {
        this.attribute = attribute;
    }
}
