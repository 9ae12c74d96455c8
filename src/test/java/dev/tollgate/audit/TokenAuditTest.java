package dev.tollgate.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tollgate.platform.AddressRanges;
import dev.tollgate.token.AccessLevel;
import dev.tollgate.token.TokenChanged;
import dev.tollgate.token.TokenSnapshot;

class TokenAuditTest {

    static final Instant CREATED = Instant.parse("2026-11-28T12:00:00Z");
    static final TokenSnapshot FORUMS = new TokenSnapshot(7, "forums", AccessLevel.READ_ONLY, null, CREATED,
            "digest-one", "tlg_AbCd");

    @Test
    void aCreatedTokenIsRecordedWithItsLevelExpiryAndHint() {
        List<TokenAudit.Entry> entries = TokenAudit.describe(
                new TokenChanged(TokenChanged.Kind.CREATED, "ann", null, FORUMS));
        assertEquals(List.of(new TokenAudit.Entry(AuditAction.TOKEN_CREATED, "forums",
                "Access level: Read only; Expires: never; Value: tlg_AbCd…")), entries);
    }

    @Test
    void anEditNamesEveryChangedFieldWithOldAndNewValue() {
        TokenSnapshot after = new TokenSnapshot(7, "forums-sync", AccessLevel.READ_AND_WRITE,
                Instant.parse("2027-01-01T00:00:00.123Z"), CREATED, "digest-one", "tlg_AbCd");
        List<TokenAudit.Entry> entries = TokenAudit.describe(
                new TokenChanged(TokenChanged.Kind.UPDATED, "ann", FORUMS, after));
        assertEquals(List.of(new TokenAudit.Entry(AuditAction.TOKEN_EDITED, "forums-sync",
                "Name: \"forums\" → \"forums-sync\"; Access level: Read only → Read and write;"
                        + " Expires: never → 2027-01-01T00:00:00Z")), entries);
    }

    @Test
    void anAllowListIsRecordedWhenItIsSetChangedOrLifted() {
        TokenSnapshot listed = new TokenSnapshot(7, "forums", AccessLevel.READ_ONLY, null, CREATED, "digest-one",
                "tlg_AbCd", AddressRanges.parse("10.0.0.0/8, 192.0.2.1"));
        assertEquals("Allowed addresses: any → 10.0.0.0/8, 192.0.2.1", TokenAudit.describe(
                new TokenChanged(TokenChanged.Kind.UPDATED, "ann", FORUMS, listed)).get(0).details());
        assertEquals("Allowed addresses: 10.0.0.0/8, 192.0.2.1 → any", TokenAudit.describe(
                new TokenChanged(TokenChanged.Kind.UPDATED, "ann", listed, FORUMS)).get(0).details());
        assertEquals("Access level: Read only; Expires: never; Allowed addresses: 10.0.0.0/8, 192.0.2.1;"
                + " Value: tlg_AbCd…", TokenAudit.describe(
                new TokenChanged(TokenChanged.Kind.CREATED, "ann", null, listed)).get(0).details());
    }

    @Test
    void aRotationAndTheEndOfItsGraceAreRecordedWithTheGraceAndOnlyHints() {
        Instant until = Instant.parse("2026-11-29T12:00:00.123Z");
        TokenSnapshot rotated = new TokenSnapshot(7, "forums", AccessLevel.READ_ONLY, null, CREATED, "digest-two",
                "tlg_XyZw", AddressRanges.NONE, new TokenSnapshot.Grace("digest-one", "tlg_AbCd", until), false);
        assertEquals(List.of(new TokenAudit.Entry(AuditAction.TOKEN_ROTATED, "forums",
                "Value: tlg_AbCd… → tlg_XyZw…; the old value works for 24 hours, until 2026-11-29T12:00:00Z")),
                TokenAudit.describe(new TokenChanged(TokenChanged.Kind.ROTATED, "ann", FORUMS, rotated, "24 hours")));
        assertEquals("Value: tlg_AbCd… → tlg_XyZw…; the old value stopped at once", TokenAudit.describe(
                new TokenChanged(TokenChanged.Kind.ROTATED, "ann", FORUMS, rotated, null)).get(0).details());

        Instant stopped = Instant.parse("2026-11-28T15:30:00Z");
        TokenSnapshot ended = new TokenSnapshot(7, "forums", AccessLevel.READ_ONLY, null, CREATED, "digest-two",
                "tlg_XyZw", AddressRanges.NONE, new TokenSnapshot.Grace("digest-one", "tlg_AbCd", stopped), false);
        List<TokenAudit.Entry> entries = TokenAudit.describe(
                new TokenChanged(TokenChanged.Kind.GRACE_ENDED, "ann", rotated, ended));
        assertEquals(List.of(new TokenAudit.Entry(AuditAction.TOKEN_GRACE_ENDED, "forums", "Old value tlg_AbCd…"
                + " stopped at 2026-11-28T15:30:00Z, ending its grace (until 2026-11-29T12:00:00Z) early")), entries);
        entries.forEach(e -> assertFalse(e.details().contains("digest"), e.details()));
    }

    @Test
    void aNewValueIsItsOwnRecordAndShowsOnlyHints() {
        TokenSnapshot after = new TokenSnapshot(7, "forums", AccessLevel.READ_ONLY, null, CREATED, "digest-two",
                "tlg_XyZw");
        List<TokenAudit.Entry> entries = TokenAudit.describe(
                new TokenChanged(TokenChanged.Kind.UPDATED, "ann", FORUMS, after));
        assertEquals(List.of(new TokenAudit.Entry(AuditAction.TOKEN_VALUE_CHANGED, "forums",
                "Value: tlg_AbCd… → tlg_XyZw…")), entries);
        entries.forEach(e -> assertFalse(e.details().contains("digest"), e.details()));
    }

    @Test
    void anEditWithANewValueGivesTwoRecords() {
        TokenSnapshot after = new TokenSnapshot(7, "forums", AccessLevel.READ_AND_WRITE, null, CREATED,
                "digest-two", "tlg_XyZw");
        List<AuditAction> actions = TokenAudit.describe(
                new TokenChanged(TokenChanged.Kind.UPDATED, "ann", FORUMS, after))
                .stream().map(TokenAudit.Entry::action).toList();
        assertEquals(List.of(AuditAction.TOKEN_EDITED, AuditAction.TOKEN_VALUE_CHANGED), actions);
    }

    @Test
    void savingWithoutChangesIsStillRecorded() {
        assertEquals(List.of(new TokenAudit.Entry(AuditAction.TOKEN_EDITED, "forums", "Saved without changes")),
                TokenAudit.describe(new TokenChanged(TokenChanged.Kind.UPDATED, "ann", FORUMS, FORUMS)));
    }

    @Test
    void aDeletedTokenIsRecordedByItsLastState() {
        assertEquals(List.of(new TokenAudit.Entry(AuditAction.TOKEN_DELETED, "forums",
                "Access level: Read only; Expires: never; Value: tlg_AbCd…")),
                TokenAudit.describe(new TokenChanged(TokenChanged.Kind.DELETED, "ann", FORUMS, null)));
    }

    @Test
    void longTextsAreCutToTheirColumnsNotRefused() {
        AuditRecord record = new AuditRecord(CREATED, "x".repeat(500), AuditAction.SIGN_IN_FAILED, null,
                "d".repeat(5000), null);
        assertEquals(AuditRecord.ACTOR_MAX, record.getActor().length());
        assertEquals(AuditRecord.DETAILS_MAX, record.getDetails().length());
        assertEquals("(unknown)", new AuditRecord(CREATED, " ", AuditAction.SIGN_IN_FAILED, null, null, null)
                .getActor());
    }

    @Test
    void searchesDefaultToNewestFirstAndStayWithinPageLimits() {
        AuditSearch search = new AuditSearch(null, null, true, -5, 10_000);
        assertEquals(AuditSort.OCCURRED_AT, search.sort());
        assertFalse(search.ascending());
        assertEquals(0, search.first());
        assertEquals(AuditSearch.MAX_PAGE_SIZE, search.pageSize());
        assertEquals(AuditFilter.ALL, search.filter());
        assertEquals(null, new AuditFilter("  ", " x ", null).actor());
        assertEquals("x", new AuditFilter("  ", " x ", null).tokenName());
    }
}
