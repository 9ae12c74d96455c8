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
            // An edit's new value replaces the current one at once: an old value still in its grace goes too.
            token.endGrace(now);
            assignValue(token, newValue);
        }
        token.touch(now);
        flush();
        changes.fire(new TokenChanged(TokenChanged.Kind.UPDATED, actor, before, TokenSnapshot.of(token)));
        return token;
    }

    /**
     * Gives the token a new generated value; the one it replaces keeps working for the grace period, with the
     * token's name, level, expiry and allow-list (and stops now for {@link GracePeriod#NONE}). Both values are
     * refused on the very next request once the token is deleted, and the old one once its grace ends.
     */
    public Rotated rotate(long id, GracePeriod grace, String actor) {
        ApiToken token = find(id).orElseThrow(TokenGoneException::new);
        TokenSnapshot before = TokenSnapshot.of(token);
        Instant now = now();
        TokenValue value = generateValue();
        String digest = digests.digest(value);
        requireUnusedDigest(token, digest);
        token.rotate(digest, value.hint(), grace, now);
        token.touch(now);
        flush();
        changes.fire(new TokenChanged(TokenChanged.Kind.ROTATED, actor, before, TokenSnapshot.of(token),
                grace == GracePeriod.NONE ? null : grace.label()));
        return new Rotated(token, value);
    }

    /** Stops the old value of a rotated token now rather than at the end of its grace. */
    public ApiToken endGrace(long id, String actor) {
        ApiToken token = find(id).orElseThrow(TokenGoneException::new);
        TokenSnapshot before = TokenSnapshot.of(token);
        Instant now = now();
        if (!token.endGrace(now)) {
            throw new InvalidTokenException("grace", "The old value of “" + token.getName()
                    + "” no longer works: there is no grace to end.");
        }
        token.touch(now);
        flush();
        changes.fire(new TokenChanged(TokenChanged.Kind.GRACE_ENDED, actor, before, TokenSnapshot.of(token)));
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

    /** The token with exactly this value, through its digest: its current value or one rotated out. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<TokenSnapshot> findByValue(TokenValue value) {
        return findSnapshotByDigest(digests.digest(value));
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
            if (use.oldValueAt() != null) {
                em.createNamedQuery("ApiToken.recordOldValueUse")
                        .setParameter(1, Timestamp.from(use.oldValueAt()))
                        .setParameter(2, use.tokenId())
                        .executeUpdate();
            }
        }
        return updated;
    }

    /**
     * For {@link TokenCache}: the token behind a digest, straight from the database; for the digest of a
     * rotated-out value, the token as that value presents it (even once its grace is over, so that the client is
     * told why it is refused).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    Optional<TokenSnapshot> findSnapshotByDigest(String digest) {
        Optional<ApiToken> current = findByDigest(digest);
        if (current.isPresent()) {
            return current.map(TokenSnapshot::of);
        }
        return findByPreviousDigest(digest).map(token -> TokenSnapshot.of(token).asOldValue());
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

    private Optional<ApiToken> findByPreviousDigest(String digest) {
        return em.createNamedQuery("ApiToken.findByPreviousDigest", ApiToken.class)
                .setParameter("digest", digest)
                .setFlushMode(FlushModeType.COMMIT)
                .getResultStream().findFirst();
    }

    private void assignValue(ApiToken token, TokenValue value) {
        String digest = digests.digest(value);
        requireUnusedDigest(token, digest);
        token.replaceValue(digest, value.hint());
    }

    /**
     * A value is one token's, current or rotated out: the unique index covers only the current values, so the
     * old ones are checked here (a clash of generated values is as likely as guessing one).
     */
    private void requireUnusedDigest(ApiToken token, String digest) {
        Optional<ApiToken> holder = findByDigest(digest).or(() -> findByPreviousDigest(digest));
        if (holder.isPresent() && holder.get() != token) {
            throw new InvalidTokenException("value", "That token value is already in use; choose another.");
        }
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
