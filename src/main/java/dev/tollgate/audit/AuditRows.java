package dev.tollgate.audit;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The Audit Log's rows, one page at a time: PrimeFaces' sort and filter state becomes an {@link AuditSearch}, so
 * that sorting, filtering and paging happen in the database. Without a chosen sort the newest record comes first.
 */
@Dependent
public class AuditRows extends LazyDataModel<AuditRecord> {

    private static final Map<String, AuditSort> SORTS = Map.of("occurredAt", AuditSort.OCCURRED_AT,
            "actor", AuditSort.ACTOR, "action", AuditSort.ACTION, "tokenName", AuditSort.TOKEN_NAME,
            "clientIp", AuditSort.CLIENT_IP);

    @Inject
    AuditTrail trail;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, trail.count(filter(filterBy)));
    }

    @Override
    public List<AuditRecord> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                  Map<String, FilterMeta> filterBy) {
        SortMeta sort = sortBy.values().stream().filter(s -> s.getOrder() != SortOrder.UNSORTED).findFirst()
                .orElse(null);
        AuditSort column = sort == null ? null : SORTS.get(sort.getField());
        boolean ascending = sort != null && sort.getOrder() == SortOrder.ASCENDING;
        return trail.page(new AuditSearch(filter(filterBy), column, ascending, first, pageSize));
    }

    @Override
    public String getRowKey(AuditRecord record) {
        return String.valueOf(record.getId());
    }

    private static AuditFilter filter(Map<String, FilterMeta> filterBy) {
        return new AuditFilter(text(filterBy, "actor"), text(filterBy, "tokenName"), action(text(filterBy, "action")));
    }

    private static String text(Map<String, FilterMeta> filterBy, String field) {
        FilterMeta filter = filterBy.get(field);
        return filter == null || filter.getFilterValue() == null ? null : filter.getFilterValue().toString();
    }

    /** The action filter, or null for "All" and for anything that is not an action. */
    private static AuditAction action(String name) {
        return Arrays.stream(AuditAction.values()).filter(a -> a.name().equals(name)).findFirst().orElse(null);
    }
}
