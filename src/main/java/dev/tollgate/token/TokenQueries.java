package dev.tollgate.token;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import dev.tollgate.platform.SearchText;

/**
 * The tokens table's queries: filter, sort and page in the database with the Criteria API and bound parameters,
 * never string-built JPQL.
 *
 * <p>Shaped for Derby at 100,000 rows (measured with {@code bench/run}): every sort order has an index in that
 * direction (Derby does not scan an index backwards), ties are broken by a unique column of the same index, and a
 * page in the back half of the results is read from the other end in the opposite order, because Derby steps over
 * OFFSET rows one by one: the last page costs what the first does.
 */
class TokenQueries {

    private final EntityManager em;
    private final TokenDigests digests;
    private final String prefix;
    private final Instant now;

    TokenQueries(EntityManager em, TokenDigests digests, String prefix, Instant now) {
        this.em = em;
        this.digests = digests;
        this.prefix = prefix;
        this.now = now;
    }

    TokenPage page(TokenSearch search) {
        long total = count(search);
        return new TokenPage(rows(search, total), total);
    }

    /** One page of rows, given how many rows match in all: it decides from which end the page is read. */
    List<ApiToken> rows(TokenSearch search, long total) {
        int first = search.first();
        if (first >= total) {
            return List.of();
        }
        int size = (int) Math.min(search.pageSize(), total - first);
        long fromEnd = total - first - size;
        boolean backwards = fromEnd < first;
        List<ApiToken> rows = select(search, backwards, backwards ? (int) fromEnd : first, size);
        if (backwards) {
            rows = new ArrayList<>(rows);
            Collections.reverse(rows);
        }
        return rows;
    }

    private List<ApiToken> select(TokenSearch search, boolean reversed, int offset, int size) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<ApiToken> select = cb.createQuery(ApiToken.class);
        Root<ApiToken> token = select.from(ApiToken.class);
        String name = trimmed(search.name());
        Predicate nameMatches = name == null ? null
                : cb.like(token.get("nameKey"), "%" + escapeLike(name.toLowerCase(Locale.ROOT)) + "%", '\\');
        select.where(filters(cb, token, search, nameMatches))
                .orderBy(order(cb, token, search, search.ascending() != reversed));
        return em.createQuery(select).setFirstResult(offset).setMaxResults(size).getResultList();
    }

    /**
     * Counts NAME_KEY, not the entity (which counts the id): Derby then answers from an index alone. The name is
     * matched with LOCATE here because a parameterised LIKE tempts Derby into a range scan of the name index that
     * fetches every row when a level filter is combined with it (about ten times slower at 100,000 tokens).
     */
    long count(TokenSearch search) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<ApiToken> token = count.from(ApiToken.class);
        String name = trimmed(search.name());
        Predicate nameMatches = name == null ? null
                : cb.greaterThan(cb.locate(token.get("nameKey"), name.toLowerCase(Locale.ROOT)), 0);
        count.select(cb.count(token.get("nameKey"))).where(filters(cb, token, search, nameMatches));
        return em.createQuery(count).getSingleResult();
    }

    private Predicate[] filters(CriteriaBuilder cb, Root<ApiToken> token, TokenSearch search, Predicate name) {
        List<Predicate> where = new ArrayList<>();
        if (name != null) {
            where.add(name);
        }
        String value = trimmed(search.value());
        if (value != null) {
            where.add(valueMatches(cb, token, value));
        }
        if (search.accessLevel() != null) {
            where.add(cb.equal(token.get("accessLevel"), search.accessLevel()));
        }
        if (search.restricted() != null) {
            // an equality on a two-valued column (V11), which Derby estimates well
            where.add(cb.equal(token.get("addressRestricted"), search.restricted() ? 1 : 0));
        }
        if (search.expiry() != null) { // a range on the expiry's index; a token that never expires has none
            Instant after = search.expiry().after(now);
            if (after != null) {
                where.add(cb.greaterThan(token.<Instant>get("expiresAt"), after));
            }
            where.add(cb.lessThanOrEqualTo(token.<Instant>get("expiresAt"), search.expiry().notAfter(now)));
        }
        return where.toArray(Predicate[]::new);
    }

    /**
     * A pasted whole value finds exactly its token through the digest (or the digest it had before a rotation). A
     * shorter, partial value is compared with the hint, which is all we keep of a value: up to the hint's length the
     * hint must start with it, beyond that it must start with the hint. One indexable predicate each way (an OR would defeat the index).
     */
    private Predicate valueMatches(CriteriaBuilder cb, Root<ApiToken> token, String value) {
        if (value.length() >= TokenValue.CUSTOM_MIN) {
            if (!TokenValue.isPlausible(value, prefix)) {
                return cb.disjunction();
            }
            List<Long> ids = tokensWithValue(digests.digest(TokenValue.presented(value, prefix)));
            return ids.isEmpty() ? cb.disjunction() : token.get("id").in(ids);
        }
        String hint = TokenValue.presented(value, prefix).hint();
        return value.length() <= hint.length()
                ? cb.like(token.get("hint"), escapeLike(value) + "%", '\\')
                : cb.equal(token.get("hint"), hint);
    }

    /**
     * The token whose value, or whose value before its last rotation, has this digest: an admin who pastes the old
     * value that a client still sends finds the token. Two look-ups by index, because Derby reads every row for an
     * OR of the two columns.
     */
    private List<Long> tokensWithValue(String digest) {
        List<Long> ids = em.createQuery("SELECT t.id FROM ApiToken t WHERE t.digest = :digest", Long.class)
                .setParameter("digest", digest).getResultList();
        return !ids.isEmpty() ? ids
                : em.createQuery("SELECT t.id FROM ApiToken t WHERE t.previousDigest = :digest", Long.class)
                        .setParameter("digest", digest).getResultList();
    }

    /** The sort column, then a tie-breaker that shares its index: the name for the level, the id otherwise. */
    private static Order[] order(CriteriaBuilder cb, Root<ApiToken> token, TokenSearch search, boolean ascending) {
        List<String> attributes = switch (search.sort()) {
            case NAME -> List.of("nameKey");
            case ACCESS_LEVEL -> List.of("accessLevel", "nameKey");
            default -> List.of(search.sort().attribute, "id");
        };
        return attributes.stream()
                .map(attribute -> ascending ? cb.asc(token.get(attribute)) : cb.desc(token.get(attribute)))
                .toArray(Order[]::new);
    }

    private static String trimmed(String text) {
        return SearchText.clean(text);
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
