package dev.tollgate.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.transaction.UserTransaction;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.tollgate.test.Deployments;
import dev.tollgate.test.InContainer;
import dev.tollgate.token.AccessLevel;
import dev.tollgate.token.ApiToken;
import dev.tollgate.token.TokenChanged;
import dev.tollgate.token.TokenDraft;
import dev.tollgate.token.TokenValue;
import dev.tollgate.token.Tokens;

/** The audit trail of token changes against the real Derby database, inside Payara Micro. */
@ExtendWith(ArquillianExtension.class)
class AuditTrailIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.tollgate().addClass(RejectingObserver.class);
    }

    /** Makes a token change fail after the audit record was written, as any later failure in the change would. */
    @ApplicationScoped
    public static class RejectingObserver {
        void reject(@Observes @Priority(Interceptor.Priority.APPLICATION + 2000) TokenChanged change) {
            if (change.after() != null && change.after().name().startsWith("reject-")) {
                throw new IllegalStateException("rejected by the test");
            }
        }
    }

    @Inject
    Tokens tokens;

    @Inject
    AuditTrail audit;

    @Inject
    AuditRetention retention;

    @Inject
    UserTransaction transaction;

    @Inject
    @InContainer
    EntityManager em;

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void everyTokenChangeIsRecordedWithWhoWhatAndFromWhere() {
        String actor = unique("ann");
        String name = unique("audited");
        TokenValue first = tokens.generateValue();
        TokenValue second = tokens.generateValue();
        ApiToken token = tokens.create(new TokenDraft(name, AccessLevel.READ_ONLY, null), first, actor);
        Instant expiry = Instant.now().plus(30, ChronoUnit.DAYS);
        token = tokens.update(token.getId(), token.getVersion(),
                new TokenDraft(name + "-renamed", AccessLevel.READ_AND_WRITE, expiry), second, actor);
        tokens.delete(token.getId(), actor);

        List<AuditRecord> rows = audit.page(AuditSearch.newestFirst(new AuditFilter(actor, null, null), 0, 10));
        assertEquals(List.of(AuditAction.TOKEN_DELETED, AuditAction.TOKEN_VALUE_CHANGED, AuditAction.TOKEN_EDITED,
                AuditAction.TOKEN_CREATED), rows.stream().map(AuditRecord::getAction).toList());
        AuditRecord edit = rows.get(2);
        assertEquals(name + "-renamed", edit.getTokenName());
        assertTrue(edit.getDetails().contains("Name: \"" + name + "\" → \"" + name + "-renamed\""), edit.getDetails());
        assertTrue(edit.getDetails().contains("Access level: Read only → Read and write"), edit.getDetails());
        assertTrue(edit.getDetails().contains("Expires: never → " + expiry.truncatedTo(ChronoUnit.SECONDS)),
                edit.getDetails());
        assertEquals("Value: " + first.hint() + "… → " + second.hint() + "…", rows.get(1).getDetails());
        for (AuditRecord row : rows) {
            assertEquals(actor, row.getActor());
            assertTrue(row.getClientIp() != null && !row.getClientIp().isBlank(), "client address");
            assertFalse(row.getDetails().contains(first.reveal()) || row.getDetails().contains(second.reveal()));
        }
    }

    @Test
    void aRolledBackChangeLeavesNoAuditRecord() throws Exception {
        String name = unique("rolled-back");
        transaction.begin();
        try {
            tokens.create(new TokenDraft(name, AccessLevel.READ_ONLY, null), tokens.generateValue(), "ann");
            assertEquals(1, audit.count(new AuditFilter(null, name, AuditAction.TOKEN_CREATED)),
                    "written in the change's transaction");
        } finally {
            transaction.rollback();
        }
        assertEquals(0, audit.count(new AuditFilter(null, name, null)));
        assertEquals(0, tokens.search(new dev.tollgate.token.TokenSearch(name, null, null, null, true, 0, 1)).total());
    }

    @Test
    void aChangeThatFailsAfterItsAuditRecordLeavesNeither() {
        String name = unique("reject");
        assertThrows(RuntimeException.class, () -> tokens.create(
                new TokenDraft(name, AccessLevel.READ_ONLY, null), tokens.generateValue(), "ann"));
        assertEquals(0, audit.count(new AuditFilter(null, name, null)));
        assertEquals(0, tokens.search(new dev.tollgate.token.TokenSearch(name, null, null, null, true, 0, 1)).total());
    }

    @Test
    void theLogFiltersSortsAndPagesInTheDatabase() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String ann = "ann-" + tag;
        String bob = "bob-" + tag;
        audit.record(AuditAction.SIGNED_IN, ann, null, null);
        audit.record(AuditAction.TOKEN_CREATED, ann, "Forums-" + tag, "created");
        audit.record(AuditAction.TOKEN_DELETED, bob, "forums-" + tag + "-mirror", "deleted");
        audit.record(AuditAction.SIGNED_OUT, bob, null, null);

        assertEquals(4, audit.count(new AuditFilter(tag, null, null)));
        assertEquals(2, audit.count(new AuditFilter("ANN-" + tag, null, null)));
        assertEquals(2, audit.count(new AuditFilter(null, "FORUMS-" + tag, null)));
        assertEquals(1, audit.count(new AuditFilter(tag, "orums", AuditAction.TOKEN_DELETED)));
        assertEquals(0, audit.count(new AuditFilter(tag + "%", null, null)));

        List<AuditRecord> newest = audit.page(AuditSearch.newestFirst(new AuditFilter(tag, null, null), 0, 10));
        assertEquals(List.of(AuditAction.SIGNED_OUT, AuditAction.TOKEN_DELETED, AuditAction.TOKEN_CREATED,
                AuditAction.SIGNED_IN), newest.stream().map(AuditRecord::getAction).toList());

        List<AuditRecord> byActor = audit.page(new AuditSearch(new AuditFilter(tag, null, null), AuditSort.ACTOR,
                true, 0, 10));
        assertEquals(List.of(ann, ann, bob, bob), byActor.stream().map(AuditRecord::getActor).toList());

        List<AuditRecord> secondPage = audit.page(new AuditSearch(new AuditFilter(tag, null, null),
                AuditSort.ACTION, true, 1, 2));
        assertEquals(List.of(AuditAction.SIGNED_OUT, AuditAction.TOKEN_CREATED),
                secondPage.stream().map(AuditRecord::getAction).toList());
    }

    @Test
    void recordsPastTheirRetentionAreRemovedBatchByBatchAndTheRestKept() throws Exception {
        String tag = unique("retention");
        Instant now = Instant.now();
        transaction.begin();
        old(now, 401, AuditAction.TOKEN_CREATED, tag + "-gone");
        old(now, 399, AuditAction.TOKEN_CREATED, tag + "-kept-399-days");
        for (int i = 0; i < 3; i++) {
            old(now, 31, AuditAction.SIGN_IN_FAILED_UNKNOWN_NAME, tag + "-gone");
        }
        old(now, 31, AuditAction.SIGN_IN_REFUSED, tag + "-gone");
        old(now, 31, AuditAction.SIGN_IN_FAILED, tag + "-kept-real-name");
        old(now, 29, AuditAction.SIGN_IN_FAILED_UNKNOWN_NAME, tag + "-kept-29-days");
        transaction.commit();

        // Batches of 2: the purge must go on until nothing is left, not stop after the first batch.
        retention.purge(2);

        List<String> kept = audit.page(AuditSearch.newestFirst(new AuditFilter(tag, null, null), 0, 20)).stream()
                .map(AuditRecord::getActor).toList();
        assertEquals(List.of(tag + "-kept-29-days", tag + "-kept-real-name", tag + "-kept-399-days"), kept);
        assertEquals(0, retention.purge(2), "nothing left past its retention");
    }

    private void old(Instant now, int daysAgo, AuditAction action, String actor) {
        em.persist(new AuditRecord(now.minus(daysAgo, ChronoUnit.DAYS), actor, action, null, null, "192.0.2.1"));
    }
}
