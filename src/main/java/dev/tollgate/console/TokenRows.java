package dev.tollgate.console;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;

import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

import dev.tollgate.token.AccessLevel;
import dev.tollgate.token.ApiToken;
import dev.tollgate.token.ExpiryFilter;
import dev.tollgate.token.TokenSearch;
import dev.tollgate.token.TokenSort;
import dev.tollgate.token.Tokens;

/**
 * The tokens table's rows, one page at a time: PrimeFaces' sort and filter state becomes a {@link TokenSearch}, so
 * that sorting, filtering and paging happen in the database. Without a chosen sort the table is alphabetical.
 */
@Dependent
public class TokenRows extends LazyDataModel<ApiToken> {

    private static final Map<String, TokenSort> SORTS = Map.of(
            "name", TokenSort.NAME, "hint", TokenSort.HINT, "accessLevel", TokenSort.ACCESS_LEVEL,
            "expiresAt", TokenSort.EXPIRES_AT, "lastUsedAt", TokenSort.LAST_USED_AT, "createdAt", TokenSort.CREATED_AT,
            "addressCount", TokenSort.ADDRESSES, "requests30d", TokenSort.REQUESTS);

    @Inject
    Tokens tokens;

    private boolean filtered;

    /** PrimeFaces asks for the count first and keeps it as the row count, which {@link #load} then reuses. */
    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        TokenSearch search = search(Map.of(), filterBy, 0, 1);
        filtered = search.name() != null || search.value() != null || search.accessLevel() != null
                || search.expiry() != null || search.restricted() != null;
        return (int) Math.min(Integer.MAX_VALUE, tokens.count(search));
    }

    @Override
    public List<ApiToken> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        return tokens.rows(search(sortBy, filterBy, first, pageSize), getRowCount());
    }

    @Override
    public String getRowKey(ApiToken token) {
        return String.valueOf(token.getId());
    }

    @Override
    public ApiToken getRowData(String rowKey) {
        return TokenParam.parse(rowKey).flatMap(tokens::find).orElse(null);
    }

    /** Whether the rows shown are narrowed by a filter, so that an empty table can say which kind of empty it is. */
    public boolean isFiltered() {
        return filtered;
    }

    private static TokenSearch search(Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy, int first,
                                      int pageSize) {
        SortMeta sort = sortBy.values().stream().filter(s -> s.getOrder() != SortOrder.UNSORTED).findFirst()
                .orElse(null);
        TokenSort column = sort == null ? TokenSort.NAME : SORTS.getOrDefault(sort.getField(), TokenSort.NAME);
        boolean ascending = sort == null || sort.getOrder() != SortOrder.DESCENDING;
        return new TokenSearch(text(filterBy, "name"), text(filterBy, "hint"), level(filterBy),
                ExpiryFilter.parse(text(filterBy, "expiresAt")), restricted(filterBy), column, ascending, first,
                pageSize);
    }

    private static String text(Map<String, FilterMeta> filterBy, String field) {
        FilterMeta filter = filterBy.get(field);
        return filter == null || filter.getFilterValue() == null ? null : filter.getFilterValue().toString();
    }

    /** The address filter: LISTED (an allow-list), ANY (none), or null for "All" and anything else. */
    private static Boolean restricted(Map<String, FilterMeta> filterBy) {
        String choice = text(filterBy, "addressCount");
        return "LISTED".equals(choice) ? Boolean.TRUE : "ANY".equals(choice) ? Boolean.FALSE : null;
    }

    /** The access level filter, or null for "All" and for anything that is not a level. */
    private static AccessLevel level(Map<String, FilterMeta> filterBy) {
        String level = text(filterBy, "accessLevel");
        for (AccessLevel candidate : AccessLevel.values()) {
            if (candidate.name().equals(level)) {
                return candidate;
            }
        }
        return null;
    }
}
