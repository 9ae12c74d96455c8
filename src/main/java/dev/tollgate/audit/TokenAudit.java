package dev.tollgate.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.tollgate.token.TokenChanged;
import dev.tollgate.token.TokenSnapshot;

/**
 * Records every token change. A plain synchronous observer: {@link dev.tollgate.token.Tokens} fires inside its
 * transaction, so the record is written in that transaction, and a failure here rolls the change back too.
 *
 * <p>An edit that also replaces the value gives two records, so that filtering the log by "Token value changed"
 * finds every value change. Values appear only by their hint.
 */
@ApplicationScoped
public class TokenAudit {

    @Inject
    AuditTrail trail;

    void record(@Observes TokenChanged change) {
        for (Entry entry : describe(change)) {
            trail.record(entry.action(), change.actor(), entry.tokenName(), entry.details());
        }
    }

    record Entry(AuditAction action, String tokenName, String details) {
    }

    static List<Entry> describe(TokenChanged change) {
        return switch (change.kind()) {
            case CREATED -> List.of(new Entry(AuditAction.TOKEN_CREATED, change.after().name(), state(change.after())));
            case DELETED -> List.of(new Entry(AuditAction.TOKEN_DELETED, change.before().name(), state(change.before())));
            case UPDATED -> describeEdit(change.before(), change.after(), change.valueChanged());
            case ROTATED -> List.of(new Entry(AuditAction.TOKEN_ROTATED, change.after().name(),
                    "Value: " + change.before().hint() + "… → " + change.after().hint() + "…; "
                            + (change.detail() == null ? "the old value stopped at once" : "the old value works for "
                            + change.detail() + ", until " + instant(change.after().grace().until()))));
            case GRACE_ENDED -> List.of(new Entry(AuditAction.TOKEN_GRACE_ENDED, change.after().name(),
                    "Old value " + change.after().grace().hint() + "… stopped at "
                            + instant(change.after().grace().until()) + ", ending its grace (until "
                            + instant(change.before().grace().until()) + ") early"));
        };
    }

    private static List<Entry> describeEdit(TokenSnapshot before, TokenSnapshot after, boolean valueChanged) {
        List<String> fields = new ArrayList<>();
        compare(fields, "Name", quoted(before.name()), quoted(after.name()));
        compare(fields, "Access level", before.accessLevel().label(), after.accessLevel().label());
        compare(fields, "Expires", expiry(before.expiresAt()), expiry(after.expiresAt()));
        compare(fields, "Allowed addresses", addresses(before), addresses(after));
        compare(fields, "Old value", oldValue(before), oldValue(after)); // a new value ends a running grace
        List<Entry> entries = new ArrayList<>();
        if (!fields.isEmpty() || !valueChanged) {
            String details = fields.isEmpty() ? "Saved without changes" : String.join("; ", fields);
            entries.add(new Entry(AuditAction.TOKEN_EDITED, after.name(), details));
        }
        if (valueChanged) {
            entries.add(new Entry(AuditAction.TOKEN_VALUE_CHANGED, after.name(),
                    "Value: " + before.hint() + "… → " + after.hint() + "…"));
        }
        return entries;
    }

    private static void compare(List<String> fields, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            fields.add(field + ": " + before + " → " + after);
        }
    }

    private static String state(TokenSnapshot token) {
        return "Access level: " + token.accessLevel().label() + "; Expires: " + expiry(token.expiresAt())
                + (token.allowed().isEmpty() ? "" : "; Allowed addresses: " + addresses(token))
                + "; Value: " + token.hint() + "…";
    }

    private static String oldValue(TokenSnapshot token) {
        return token.grace() == null ? "none" : token.grace().hint() + "… until " + instant(token.grace().until());
    }

    private static String addresses(TokenSnapshot token) {
        return token.allowed().isEmpty() ? "any" : token.allowed().toString();
    }

    private static String quoted(String name) {
        return "\"" + name + "\"";
    }

    private static String expiry(Instant expiresAt) {
        return expiresAt == null ? "never" : instant(expiresAt);
    }

    private static String instant(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
