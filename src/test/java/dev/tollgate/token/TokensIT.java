package dev.tollgate.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.UserTransaction;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.tollgate.test.Deployments;
import dev.tollgate.test.InContainer;

/** The token service against the real Derby database, inside Payara Micro. */
@ExtendWith(ArquillianExtension.class)
class TokensIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.tollgate();
    }

    @Inject
    Tokens tokens;

    @Inject
    @InContainer
    EntityManager em;

    @Inject
    UserTransaction transaction;

    /** Names unique to this test run, so tests share the database without seeing each other. */
    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private ApiToken create(String name, AccessLevel level) {
        return tokens.create(new TokenDraft(name, level, null), tokens.generateValue(), "tester");
    }

    @Test
    void createsATokenWithoutStoringItsValue() {
        TokenValue value = tokens.generateValue();
        String name = unique("forums");
        ApiToken created = tokens.create(new TokenDraft("  " + name + " ", AccessLevel.READ_ONLY, null), value, "ann");

        ApiToken stored = tokens.find(created.getId()).orElseThrow();
        assertEquals(name, stored.getName());
        assertEquals(value.hint(), stored.getHint());
        assertEquals("ann", stored.getCreatedBy());
        assertNotEquals(value.reveal(), stored.getDigest());
        Number rowsHoldingTheValue = (Number) em.createNativeQuery(
                        "SELECT COUNT(*) FROM API_TOKEN WHERE DIGEST = ? OR HINT = ? OR NAME = ?")
                .setParameter(1, value.reveal()).setParameter(2, value.reveal()).setParameter(3, value.reveal())
                .getSingleResult();
        assertEquals(0L, rowsHoldingTheValue.longValue());
    }

    @Test
    void longHintsOfEarlierReleasesAreCutToFourCharactersAndPrefixedOnesKept() throws Exception {
        ApiToken custom = tokens.create(new TokenDraft(unique("old-hint"), AccessLevel.READ_ONLY, null),
                tokens.customValue("abcdefgh_" + UUID.randomUUID()), "t");
        TokenValue generated = tokens.generateValue();
        ApiToken prefixed = tokens.create(new TokenDraft(unique("prefixed"), AccessLevel.READ_ONLY, null),
                generated, "t");
        transaction.begin();
        em.createNativeQuery("UPDATE API_TOKEN SET HINT = 'abcdefgh_ijkl' WHERE ID = ?")
                .setParameter(1, custom.getId()).executeUpdate();
        transaction.commit();
        assertEquals("abcdefgh_ijkl", hintOf(custom));

        assertTrue(tokens.cutLongHints() >= 1);
        assertEquals("abcd", hintOf(custom));
        assertEquals(generated.hint(), hintOf(prefixed));
        assertEquals(0, tokens.cutLongHints(), "nothing left to cut");
    }

    private String hintOf(ApiToken token) {
        return (String) em.createNativeQuery("SELECT HINT FROM API_TOKEN WHERE ID = ?")
                .setParameter(1, token.getId()).getSingleResult();
    }

    @Test
    void findsATokenByItsValueOnly() {
        TokenValue value = tokens.generateValue();
        ApiToken created = tokens.create(new TokenDraft(unique("lookup"), AccessLevel.READ_AND_WRITE, null), value, "t");
        TokenSnapshot found = tokens.findByValue(TokenValue.presented(value.reveal(), "tlg")).orElseThrow();
        assertEquals(created.getId(), found.id());
        assertEquals(AccessLevel.READ_AND_WRITE, found.accessLevel());
        assertTrue(tokens.findByValue(tokens.generateValue()).isEmpty());
    }

    @Test
    void namesAreUniqueIgnoringCase() {
        String name = unique("Billing");
        create(name, AccessLevel.READ_ONLY);
        InvalidTokenException e = assertThrows(InvalidTokenException.class,
                () -> create(name.toUpperCase(), AccessLevel.READ_ONLY));
        assertEquals("name", e.field());
        assertEquals(0, tokens.search(new TokenSearch(name, null, null, null, true, 0, 10)).total() - 1);
    }

    @Test
    void customValuesMustBeUnique() {
        TokenValue custom = tokens.customValue("custom-" + UUID.randomUUID());
        tokens.create(new TokenDraft(unique("custom"), AccessLevel.READ_ONLY, null), custom, "t");
        InvalidTokenException e = assertThrows(InvalidTokenException.class, () -> tokens.create(
                new TokenDraft(unique("custom"), AccessLevel.READ_ONLY, null), custom, "t"));
        assertEquals("value", e.field());
    }

    @Test
    void editingChangesFieldsAndANewValueRetiresTheOldOne() {
        TokenValue oldValue = tokens.generateValue();
        ApiToken token = tokens.create(new TokenDraft(unique("edit"), AccessLevel.READ_ONLY, null), oldValue, "t");
        TokenValue newValue = tokens.generateValue();
        Instant expiry = Instant.now().plus(Duration.ofDays(30));
        String renamed = unique("edited");

        ApiToken edited = tokens.update(token.getId(), token.getVersion(),
                new TokenDraft(renamed, AccessLevel.READ_AND_WRITE, expiry), newValue, "t");

        assertEquals(renamed, edited.getName());
        assertEquals(AccessLevel.READ_AND_WRITE, edited.getAccessLevel());
        assertEquals(expiry.toEpochMilli(), edited.getExpiresAt().toEpochMilli());
        assertTrue(tokens.findByValue(oldValue).isEmpty());
        assertEquals(token.getId(), tokens.findByValue(newValue).orElseThrow().id());
    }

    @Test
    void aRotatedTokenIsFoundByBothValuesUntilAnEditsNewValueStopsTheOldOne() {
        TokenValue first = tokens.generateValue();
        ApiToken token = tokens.create(new TokenDraft(unique("rotate"), AccessLevel.READ_ONLY, null), first, "t");
        Rotated rotated = tokens.rotate(token.getId(), GracePeriod.DAY, "t");
        TokenValue second = rotated.value();
        assertNotEquals(first.reveal(), second.reveal());
        assertEquals(second.hint(), rotated.token().getHint());

        TokenSnapshot current = tokens.findByValue(second).orElseThrow();
        TokenSnapshot old = tokens.findByValue(first).orElseThrow();
        assertEquals(token.getId(), old.id());
        assertFalse(current.oldValue());
        assertTrue(old.oldValue());
        assertFalse(old.isExpired(Instant.now()));
        assertEquals(first.hint(), old.hint());

        // the old value is still this token's: no other token may take it as a custom value
        assertEquals("value", assertThrows(InvalidTokenException.class, () -> tokens.create(
                new TokenDraft(unique("thief"), AccessLevel.READ_ONLY, null), first, "t")).field());

        // a use of the old value counts for the token and for the old value; one of the new, for the token only
        Instant used = Instant.now().plusSeconds(1);
        tokens.recordUses(List.of(new TokenUse(token.getId(), used, "192.0.2.1", used)));
        ApiToken afterUse = tokens.find(token.getId()).orElseThrow();
        assertEquals(used.toEpochMilli(), afterUse.getLastUsedAt().toEpochMilli());
        assertEquals(used.toEpochMilli(), afterUse.getPreviousUsedAt().toEpochMilli());
        tokens.recordUses(List.of(new TokenUse(token.getId(), used.plusSeconds(1), "192.0.2.2")));
        assertEquals(used.toEpochMilli(),
                tokens.find(token.getId()).orElseThrow().getPreviousUsedAt().toEpochMilli(), "the new value's use");

        ApiToken edited = tokens.update(token.getId(), tokens.find(token.getId()).orElseThrow().getVersion(),
                new TokenDraft(afterUse.getName(), AccessLevel.READ_ONLY, null), tokens.generateValue(), "t");
        assertFalse(edited.inGrace(Instant.now()));
        assertTrue(tokens.findByValue(first).orElseThrow().isExpired(Instant.now()), "stopped by the edit");
        assertTrue(tokens.findByValue(second).isEmpty(), "replaced by the edit");

        assertEquals("grace", assertThrows(InvalidTokenException.class,
                () -> tokens.endGrace(token.getId(), "t")).field(), "nothing left to end");
        tokens.delete(token.getId(), "t");
        assertTrue(tokens.findByValue(first).isEmpty());
        assertThrows(TokenGoneException.class, () -> tokens.rotate(token.getId(), GracePeriod.DAY, "t"));
    }

    @Test
    void aSecondSaveOfTheSameVersionIsRefused() {
        ApiToken token = create(unique("locking"), AccessLevel.READ_ONLY);
        long loaded = token.getVersion();
        tokens.update(token.getId(), loaded, new TokenDraft(token.getName(), AccessLevel.READ_AND_WRITE, null), null, "a");
        assertThrows(TokenChangedMeanwhileException.class, () -> tokens.update(token.getId(), loaded,
                new TokenDraft(unique("lost-update"), AccessLevel.READ_ONLY, null), null, "b"));
        assertEquals(AccessLevel.READ_AND_WRITE, tokens.find(token.getId()).orElseThrow().getAccessLevel());
    }

    @Test
    void aRejectedEditWritesNothing() {
        String taken = unique("taken");
        create(taken, AccessLevel.READ_ONLY);
        ApiToken token = create(unique("victim"), AccessLevel.READ_ONLY);
        assertThrows(InvalidTokenException.class, () -> tokens.update(token.getId(), token.getVersion(),
                new TokenDraft(taken, AccessLevel.READ_AND_WRITE, null), tokens.generateValue(), "t"));
        ApiToken unchanged = tokens.find(token.getId()).orElseThrow();
        assertEquals(token.getName(), unchanged.getName());
        assertEquals(token.getHint(), unchanged.getHint());
        assertEquals(AccessLevel.READ_ONLY, unchanged.getAccessLevel());
    }

    @Test
    void deletingTwiceSaysTheTokenIsGone() {
        ApiToken token = create(unique("doomed"), AccessLevel.READ_ONLY);
        tokens.delete(token.getId(), "t");
        assertTrue(tokens.find(token.getId()).isEmpty());
        assertThrows(TokenGoneException.class, () -> tokens.delete(token.getId(), "t"));
    }

    @Test
    void theRememberedCountFollowsEveryCreateAndDelete() {
        String tag = unique("count");
        TokenSearch mine = new TokenSearch(tag, null, null, TokenSort.NAME, true, 0, 25);
        TokenSearch all = TokenSearch.alphabetical(0, 25);
        long before = tokens.count(all);
        assertEquals(0, tokens.count(mine));

        ApiToken first = create(tag + "-a", AccessLevel.READ_ONLY);
        assertEquals(1, tokens.count(mine), "a create is counted by the very next count");
        assertEquals(before + 1, tokens.count(all));
        create(tag + "-b", AccessLevel.READ_AND_WRITE);
        assertEquals(2, tokens.count(mine));

        tokens.delete(first.getId(), "tester");
        assertEquals(1, tokens.count(mine), "so is a delete");
        assertEquals(before + 1, tokens.count(all));
    }

    @Test
    void searchFiltersSortsAndPagesInTheDatabase() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        create("b-" + tag + "-forums", AccessLevel.READ_ONLY);
        create("A-" + tag + "-wiki", AccessLevel.READ_AND_WRITE);
        create("c-" + tag + "-FORUMS-mirror", AccessLevel.READ_AND_WRITE);

        List<String> byName = names(tokens.search(new TokenSearch(tag, null, null, TokenSort.NAME, true, 0, 10)));
        assertEquals(List.of("A-" + tag + "-wiki", "b-" + tag + "-forums", "c-" + tag + "-FORUMS-mirror"), byName);

        TokenPage ums = tokens.search(new TokenSearch(tag + "-for", null, null, null, true, 0, 10));
        assertEquals(2, ums.total());
        TokenPage rw = tokens.search(new TokenSearch(tag, null, AccessLevel.READ_AND_WRITE, TokenSort.NAME, false, 0, 10));
        assertEquals(List.of("c-" + tag + "-FORUMS-mirror", "A-" + tag + "-wiki"), names(rw));

        TokenPage second = tokens.search(new TokenSearch(tag, null, null, TokenSort.NAME, true, 1, 1));
        assertEquals(3, second.total());
        assertEquals(List.of("b-" + tag + "-forums"), names(second));
    }

    @Test
    void searchByValueUsesTheDigestForWholeValuesAndTheHintForParts() {
        TokenValue value = tokens.generateValue();
        ApiToken token = tokens.create(new TokenDraft(unique("by-value"), AccessLevel.READ_ONLY, null), value, "t");

        assertEquals(List.of(token.getName()), names(tokens.search(
                new TokenSearch(null, value.reveal(), null, null, true, 0, 10))));
        assertTrue(names(tokens.search(new TokenSearch(null, value.reveal().substring(0, 7), null, null, true, 0, 100)))
                .contains(token.getName()));
        assertTrue(names(tokens.search(new TokenSearch(null, value.reveal().substring(0, 12), null, null, true, 0, 100)))
                .contains(token.getName()));
        assertEquals(0, tokens.search(new TokenSearch(null, tokens.generateValue().reveal(), null, null, true, 0, 10))
                .total());
    }

    @Test
    void likeWildcardsInFiltersAreLiteral() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        create("p-" + tag + "-100%", AccessLevel.READ_ONLY);
        create("p-" + tag + "-1000", AccessLevel.READ_ONLY);
        assertEquals(List.of("p-" + tag + "-100%"), names(tokens.search(
                new TokenSearch(tag + "-100%", null, null, null, true, 0, 10))));
        assertFalse(names(tokens.search(new TokenSearch(tag + "_", null, null, null, true, 0, 10))).size() > 0);
    }

    private static List<String> names(TokenPage page) {
        return page.rows().stream().map(ApiToken::getName).toList();
    }
}
