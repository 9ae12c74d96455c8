package dev.tollgate.setting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import dev.tollgate.platform.Constraints;

/**
 * The core settings service: list, read, create or replace, and delete, one transaction per call. Every rule is
 * checked before anything is written, so a refused request leaves the store as it was.
 */
@ApplicationScoped
@Transactional
public class Settings {

    /** The outcome of {@link #put}: the saved setting, and whether it was new. */
    public record Saved(Setting setting, boolean created) {
    }

    @PersistenceContext
    EntityManager em;

    Clock clock = Clock.systemUTC();

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Setting> list() {
        return em.createNamedQuery("Setting.findAll", Setting.class).getResultList();
    }

    /** @throws InvalidSettingException if {@code key} is not a valid key */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Setting> find(String key) {
        return Optional.ofNullable(em.find(Setting.class, Setting.requireValidKey(key)));
    }

    /** Creates the setting, or replaces the value of the one with this key. */
    public Saved put(String key, String value) {
        Setting existing = em.find(Setting.class, Setting.requireValidKey(key));
        if (existing != null) {
            existing.change(value, clock.instant());
            flush();
            return new Saved(existing, false);
        }
        Setting created = new Setting(key, value, clock.instant());
        em.persist(created);
        flush();
        return new Saved(created, true);
    }

    /** @throws SettingNotFoundException if there is no such setting */
    public void delete(String key) {
        Setting setting = em.find(Setting.class, Setting.requireValidKey(key));
        if (setting == null) {
            throw new SettingNotFoundException(key);
        }
        em.remove(setting);
        flush();
    }

    /**
     * Writes now, inside the transaction, so that a concurrent write of the same key (version or primary key) is a
     * clear conflict here rather than an error at commit.
     */
    private void flush() {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new SettingConflictException();
        } catch (PersistenceException e) {
            if (Constraints.violated(e)) {
                throw new SettingConflictException();
            }
            throw e;
        }
    }
}
