package dev.tollgate.token;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tokens table's queries: filter, sort and page in the database with the Criteria API and bound parameters,
 * never string-built JPQL. Sorting by name uses the unique lower-cased {@code NAME_KEY}; every other column is
 * sorted with the id as tie-breaker so that paging is stable.
 */
class TokenQueries {

    private final EntityManager em;
    private final TokenDigests digests;
    private final String prefix;

    TokenQueries(EntityManager em, TokenDigests digests, String prefix) {
        this.em = em;
        this.digests = digests;
        this.prefix = prefix;
    }

    TokenPage page(TokenSearch search) {
        CriteriaBuilder cb = em.getCriteriaBuilder();

        CriteriaQuery<ApiToken> select = cb.createQuery(ApiToken.class);
        Root<ApiToken> token = select.from(ApiToken.class);
        select.where(filters(cb, token, search)).orderBy(order(cb, token, search));
        List<ApiToken> rows = em.createQuery(select)
                .setFirstResult(search.first())
                .setMaxResults(search.pageSize())
                .getResultList();

        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<ApiToken> counted = count.from(ApiToken.class);
        count.select(cb.count(counted)).where(filters(cb, counted, search));
        return new TokenPage(rows, em.createQuery(count).getSingleResult());
    }

    private Predicate[] filters(CriteriaBuilder cb, Root<ApiToken> token, TokenSearch search) {
        List<Predicate> where = new ArrayList<>();
        String name = trimmed(search.name());
        if (name != null) {
            where.add(cb.like(token.get("nameKey"), "%" + escapeLike(name.toLowerCase(Locale.ROOT)) + "%", '\\'));
        }
        String value = trimmed(search.value());
        if (value != null) {
            where.add(valueMatches(cb, token, value));
        }
        if (search.accessLevel() != null) {
            where.add(cb.equal(token.get("accessLevel"), search.accessLevel()));
        }
        return where.toArray(Predicate[]::new);
    }

    /**
     * A pasted whole value finds exactly its token through the digest. A shorter, partial value is compared with
     * the hint, which is all we keep of a value: the hint starts with it, or it starts with the hint.
     */
    private Predicate valueMatches(CriteriaBuilder cb, Root<ApiToken> token, String value) {
        if (value.length() < TokenValue.CUSTOM_MIN) {
            return cb.or(cb.like(token.get("hint"), escapeLike(value) + "%", '\\'),
                    cb.equal(token.get("hint"), TokenValue.presented(value).hint()));
        }
        if (!TokenValue.isPlausible(value, prefix)) {
            return cb.disjunction();
        }
        return cb.equal(token.get("digest"), digests.digest(TokenValue.presented(value)));
    }

    private static Order[] order(CriteriaBuilder cb, Root<ApiToken> token, TokenSearch search) {
        var column = token.get(search.sort().attribute);
        Order primary = search.ascending() ? cb.asc(column) : cb.desc(column);
        if (search.sort() == TokenSort.NAME) {
            return new Order[] {primary};
        }
        var id = token.get("id");
        return new Order[] {primary, search.ascending() ? cb.asc(id) : cb.desc(id)};
    }

    private static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
