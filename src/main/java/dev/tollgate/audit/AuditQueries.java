package dev.tollgate.audit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Audit Log's queries: filtered, sorted and paged in the database with the Criteria API and bound parameters,
 * never string-built JPQL. Every order ends with the id, in the same direction, so that paging is stable.
 */
class AuditQueries {

    private final EntityManager em;
    private final CriteriaBuilder cb;

    AuditQueries(EntityManager em) {
        this.em = em;
        this.cb = em.getCriteriaBuilder();
    }

    List<AuditRecord> page(AuditSearch search) {
        CriteriaQuery<AuditRecord> select = cb.createQuery(AuditRecord.class);
        Root<AuditRecord> record = select.from(AuditRecord.class);
        Expression<?> column = record.get(search.sort().attribute);
        Expression<?> id = record.get("id");
        select.where(matching(record, search.filter())).orderBy(search.ascending()
                ? List.of(cb.asc(column), cb.asc(id))
                : List.of(cb.desc(column), cb.desc(id)));
        return em.createQuery(select).setFirstResult(search.first()).setMaxResults(search.pageSize())
                .getResultList();
    }

    long count(AuditFilter filter) {
        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<AuditRecord> record = count.from(AuditRecord.class);
        return em.createQuery(count.select(cb.count(record)).where(matching(record, filter))).getSingleResult();
    }

    private Predicate[] matching(Root<AuditRecord> record, AuditFilter filter) {
        List<Predicate> where = new ArrayList<>();
        if (filter.actor() != null) {
            where.add(contains(record.get("actor"), filter.actor()));
        }
        if (filter.tokenName() != null) {
            where.add(contains(record.get("tokenName"), filter.tokenName()));
        }
        if (filter.action() != null) {
            where.add(cb.equal(record.get("action"), filter.action()));
        }
        return where.toArray(Predicate[]::new);
    }

    private Predicate contains(Expression<String> column, String part) {
        String escaped = part.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return cb.like(cb.lower(column), "%" + escaped + "%", '\\');
    }
}
