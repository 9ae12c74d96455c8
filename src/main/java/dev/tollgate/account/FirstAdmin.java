package dev.tollgate.account;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import java.util.logging.Level;
import java.util.logging.Logger;

import dev.tollgate.platform.Configuration;

/**
 * Creates the first admin, {@code admin}, when the application starts with no admin at all: with the password of
 * {@value #PASSWORD_KEY} (environment {@code TOLLGATE_ADMIN_PASSWORD}) if it is set and long enough, otherwise with
 * a generated one that is written to the server log once, in one line marked {@value #MARK}. Since the log is
 * read by more people than the admin, a generated password opens only Change password until it is replaced.
 *
 * <p>Runs after {@link dev.tollgate.platform.Database} has applied the schema (a later observer priority).
 */
@ApplicationScoped
public class FirstAdmin {

    static final String PASSWORD_KEY = "tollgate.admin.password";
    /** Set by the training start of server-config/payara-micro/start, whose output nobody is meant to read. */
    static final String TRAINING_KEY = "tollgate.start.training";
    static final String MARK = "*** TOLLGATE FIRST SIGN-IN ***";
    private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());

    @Inject
    Configuration configuration;

    @Inject
    Admins admins;

    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) @Initialized(ApplicationScoped.class)
               Object applicationStarted) {
        try {
            createIfNone();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Tollgate could not check for or create the first admin account", e);
        }
    }

    public void createIfNone() {
        createIfNone(configuration.value(TRAINING_KEY).filter("true"::equals).isPresent());
    }

    void createIfNone(boolean training) {
        if (admins.count() > 0) {
            return;
        }
        if (training) {
            // A password printed now would be one the operator never sees; the real start creates the admin.
            LOG.info("Training start: the first admin account is left for the real start");
            return;
        }
        String configured = configuration.value(PASSWORD_KEY).filter(p -> !p.isBlank()).orElse(null);
        boolean usable = configured != null && Passwords.problemWith(configured) == null;
        if (configured != null && !usable) {
            LOG.warning(() -> PASSWORD_KEY + " is ignored: it is shorter than " + Passwords.MIN_LENGTH
                    + " characters. A password is generated instead.");
        }
        String password = usable ? configured : Passwords.generate();
        if (admins.createFirstIfNone(password, !usable) && !usable) {
            LOG.warning(announcement(password));
        }
    }

    static String announcement(String password) {
        return MARK + " Sign in to the console as \"" + Admins.FIRST_ADMIN + "\" with the password " + password
                + " (printed this once only; the console asks for a new one at the first sign-in).";
    }
}
