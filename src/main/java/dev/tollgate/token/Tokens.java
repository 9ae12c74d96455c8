package dev.tollgate.token;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.tollgate.platform.Configuration;
import dev.tollgate.platform.Constraints;

/**
 * The API tokens service: every create, change, revocation and look-up goes through here, one transaction per
 * call. Rules that need the database (unique names and values, optimistic locking) are checked here; the rest live
 * in {@link ApiToken} and {@link TokenValue}. Each change fires a {@link TokenChanged} inside its transaction.
 */
@ApplicationScoped
@Transactional
public class Tokens {

    static final String DEFAULT_PREFIX = "tlg";
    private static final Logger LOG = Logger.getLogger(Tokens.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    TokenDigests digests;

    @Inject
    Configuration configuration;

    @Inject
    Event<TokenChanged> changes;

    @Inject
    TokenCounts counts;

    Clock clock = Clock.systemUTC();

    /** The prefix of generated token values ({@code tollgate.token.prefix}, default {@code tlg}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String prefix() {
        return configuration.value("tollgate.token.prefix", DEFAULT_PREFIX);
    }

    /**
     * Earlier releases kept up to 13 characters of a custom value with an early {@code _} as its hint; the hint
     * is now 4 characters for any value without the prefix ({@link TokenValue#hint()}). Old hints are cut once the
     * schema is in place, at every start (a cheap no-op once done), so the table, its filter and the audit trail
     * see only short ones.
     */
    void cutLongHints(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) @Initialized(ApplicationScoped.class)
                      Object applicationStarted) {
        try {
            int cut = cutLongHints();
            if (cut > 0) {
                LOG.info(() -> "Cut the stored hints of " + cut + " custom token values to 4 characters");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not cut long token hints; they stay as they are until changed", e);
        }
    }

    int cutLongHints() {
        String prefixed = TokenQueries.escapeLike(prefix() + "_") + "%";
        return em.createNamedQuery("ApiToken.cutLongHints").setParameter("prefixed", prefixed).executeUpdate();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TokenValue generateValue() {
        return TokenValue.generate(prefix());
    }

    /** Checks a value an admin typed against the format rules (not uniqueness, which {@link #create} checks). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TokenValue customValue(String text) {
        return TokenValue.custom(text, prefix());
    }

    public ApiToken create(TokenDraft draft, TokenValue value, String actor) {
        ApiToken token = new ApiToken(draft, actor, now());
        requireUniqueName(draft.name(), -1);
        assignValue(token, value);
        em.persist(token);
        flush();
        changes.fire(new TokenChanged(TokenChanged.Kind.CREATED, actor, null, TokenSnapshot.of(token)));
        return token;
    }

    /**
     * Saves an admin's edit of a token loaded at {@code expectedVersion}; {@code newValue} is null to keep the
     * current secret. The old value stops working when this returns.
     */
    public ApiToken update(long id, long expectedVersion, TokenDraft draft, TokenValue newValue, String actor) {
        ApiToken token = em.find(ApiToken.class, id);
        if (token == null) {
            throw new TokenGoneException();
        }
        if (token.getVersion() != expectedVersion) {
            throw new TokenChangedMeanwhileException();
        }
        TokenSnapshot before = TokenSnapshot.of(token);
        Instant now = now();
        token.rename(draft.name());
        requireUniqueName(draft.name(), id);
        token.changeAccessLevel(draft.accessLevel());
        token.changeExpiry(draft.expiresAt(), now);
        token.restrictTo(draft.allowedAddresses());
        if (newValue != null) {
            assignValue(token, newValue);
        }
        token.touch(now);
        flush();
        changes.fire(new TokenChanged(TokenChanged.Kind.UPDATED, actor, before, TokenSnapshot.of(token)));
        return token;
    }

    public void delete(long id, String actor) {
        ApiToken token = em.find(ApiToken.class, id);
        if (token == null) {
            throw new TokenGoneException();
        }
        TokenSnapshot before = TokenSnapshot.of(token);
        em.remove(token);
        flush();
        changes.fire(new TokenChanged(TokenChanged.Kind.DELETED, actor, before, null));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ApiToken> find(long id) {
        return Optional.ofNullable(em.find(ApiToken.class, id));
    }

    /** The token with exactly this value, through its digest. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<TokenSnapshot> findByValue(TokenValue value) {
        return findByDigest(digests.digest(value)).map(TokenSnapshot::of);
    }

    /**
     * Records when and from where tokens were last used, all in one transaction, in id order so that two batches
     * cannot deadlock. A use older than the recorded one changes nothing. The native update leaves the version as
     * it is, so that an admin who is editing a busy token can still save.
     *
     * @return how many tokens were updated (deleted tokens and older uses are skipped)
     */
    public int recordUses(Collection<TokenUse> uses) {
        int updated = 0;
        for (TokenUse use : uses.stream().sorted(Comparator.comparingLong(TokenUse::tokenId)).toList()) {
            updated += em.createNamedQuery("ApiToken.recordUse")
                    .setParameter(1, Timestamp.from(use.at()))
                    .setParameter(2, use.clientIp())
                    .setParameter(3, use.tokenId())
                    .executeUpdate();
        }
        return updated;
    }

    /** For {@link TokenCache}: the token behind a digest, straight from the database. */
    @Transactional(Transactional.TxType.SUPPORTS)
    Optional<TokenSnapshot> findSnapshotByDigest(String digest) {
        return findByDigest(digest).map(TokenSnapshot::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TokenPage search(TokenSearch search) {
        return queries().page(search);
    }

    /** How many tokens match the search's filters: for a table that counts once and then pages. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(TokenSearch search) {
        return counts.count(search, () -> queries().count(search));
    }

    /** The search's page of rows, given the {@link #count} of its filters. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ApiToken> rows(TokenSearch search, long total) {
        return queries().rows(search, total);
    }

    private TokenQueries queries() {
        return new TokenQueries(em, digests, prefix(), now());
    }

    private Optional<ApiToken> findByDigest(String digest) {
        return em.createNamedQuery("ApiToken.findByDigest", ApiToken.class)
                .setParameter("digest", digest)
                .setFlushMode(FlushModeType.COMMIT)
                .getResultStream().findFirst();
    }

    private void assignValue(ApiToken token, TokenValue value) {
        String digest = digests.digest(value);
        Optional<ApiToken> holder = findByDigest(digest);
        if (holder.isPresent() && holder.get() != token) {
            throw new InvalidTokenException("value", "That token value is already in use; choose another.");
        }
        token.replaceValue(digest, value.hint());
    }

    /** Checked before anything is flushed, so that a clash is a clear message and not a constraint violation. */
    private void requireUniqueName(String name, long exceptId) {
        Long clashes = em.createNamedQuery("ApiToken.countByNameKey", Long.class)
                .setParameter("nameKey", ApiToken.nameKeyOf(name))
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter("id", exceptId)
                .getSingleResult();
        if (clashes > 0) {
            throw new InvalidTokenException("name", "An API token with this name already exists.");
        }
    }

    /**
     * Writes now, inside the transaction, so that a concurrent admin's save (version or unique index) fails here
     * with a clear domain exception rather than at commit.
     */
    private void flush() {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new TokenChangedMeanwhileException();
        } catch (PersistenceException e) {
            if (Constraints.violated(e)) {
                throw new InvalidTokenException("name", "An API token with this name or value already exists.");
            }
            throw e;
        }
    }


    private Instant now() {
        return clock.instant();
    }
}
