package dev.tollgate.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

import dev.tollgate.token.AccessLevel;
import dev.tollgate.token.ApiToken;
import dev.tollgate.token.TokenSearch;
import dev.tollgate.token.TokenSort;
import dev.tollgate.token.Tokens;

/** How the table's PrimeFaces sort and filter state becomes a {@link TokenSearch}. */
class TokenRowsTest {

    private final List<TokenSearch> searches = new ArrayList<>();
    private final List<TokenSearch> counted = new ArrayList<>();
    private final TokenRows rows = new TokenRows();

    TokenRowsTest() {
        rows.tokens = new Tokens() {
            @Override
            public long count(TokenSearch search) {
                counted.add(search);
                return 42;
            }

            @Override
            public List<ApiToken> rows(TokenSearch search, long total) {
                searches.add(search);
                return List.of();
            }
        };
    }

    @Test
    void withoutAChosenSortTheTableIsAlphabetical() {
        rows.load(50, 25, Map.of(), Map.of());
        assertEquals(new TokenSearch(null, null, null, TokenSort.NAME, true, 50, 25), searches.get(0));
    }

    @Test
    void everyColumnSortsBothWays() {
        Map<String, TokenSort> columns = Map.of("name", TokenSort.NAME, "hint", TokenSort.HINT,
                "accessLevel", TokenSort.ACCESS_LEVEL, "expiresAt", TokenSort.EXPIRES_AT,
                "lastUsedAt", TokenSort.LAST_USED_AT, "createdAt", TokenSort.CREATED_AT);
        columns.forEach((field, sort) -> {
            for (SortOrder order : List.of(SortOrder.ASCENDING, SortOrder.DESCENDING)) {
                searches.clear();
                rows.load(0, 25, Map.of(field, SortMeta.builder().field(field).order(order).build()), Map.of());
                assertEquals(sort, searches.get(0).sort(), field);
                assertEquals(order == SortOrder.ASCENDING, searches.get(0).ascending(), field + " " + order);
            }
        });
    }

    @Test
    void filtersCombineIntoOneSearch() {
        rows.load(0, 10, Map.of(), Map.of(
                "name", filter("name", "ums"),
                "hint", filter("hint", "tlg_AbCd"),
                "accessLevel", filter("accessLevel", "READ_AND_WRITE")));
        assertEquals(new TokenSearch("ums", "tlg_AbCd", AccessLevel.READ_AND_WRITE, TokenSort.NAME, true, 0, 10),
                searches.get(0));
    }

    @Test
    void anAccessLevelThatIsNoLevelFiltersNothingOut() {
        rows.load(0, 10, Map.of(), Map.of("accessLevel", filter("accessLevel", "ADMIN' OR 1=1")));
        assertEquals(null, searches.get(0).accessLevel());
    }

    @Test
    void countsWhatTheFiltersMatchAndKnowsWhetherTheyNarrowTheTable() {
        assertEquals(42, rows.count(Map.of()));
        assertFalse(rows.isFiltered());
        assertEquals(42, rows.count(Map.of("name", filter("name", "for"))));
        assertTrue(rows.isFiltered());
        assertEquals("for", counted.get(1).name());
    }

    @Test
    void loadingAPageReusesTheCountInsteadOfCountingAgain() {
        rows.setRowCount(rows.count(Map.of()));
        rows.load(0, 25, Map.of(), Map.of());
        assertEquals(1, counted.size());
        assertEquals(1, searches.size());
    }

    private static FilterMeta filter(String field, Object value) {
        return FilterMeta.builder().field(field).filterValue(value).build();
    }
}
