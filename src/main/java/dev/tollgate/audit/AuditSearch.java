package dev.tollgate.audit;

/** One page of the Audit Log: the filter, the sort (newest first unless chosen otherwise) and the window. */
public record AuditSearch(AuditFilter filter, AuditSort sort, boolean ascending, int first, int pageSize) {

    public static final int MAX_PAGE_SIZE = 100;

    public AuditSearch {
        filter = filter == null ? AuditFilter.ALL : filter;
        first = Math.max(0, first);
        pageSize = Math.max(1, Math.min(MAX_PAGE_SIZE, pageSize));
        if (sort == null) {
            sort = AuditSort.OCCURRED_AT;
            ascending = false;
        }
    }

    public static AuditSearch newestFirst(AuditFilter filter, int first, int pageSize) {
        return new AuditSearch(filter, null, false, first, pageSize);
    }
}
