package dev.tollgate.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.tollgate.test.Deployments;
import dev.tollgate.test.InContainer;

@ExtendWith(ArquillianExtension.class)
class PlatformIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.tollgate();
    }

    @Inject
    Configuration configuration;

    @Inject
    Database database;

    @Inject
    @InContainer
    EntityManager em;

    @Test
    void appliesEveryMigrationOnStart() {
        @SuppressWarnings("unchecked")
        List<Object> failed = em.createNativeQuery("SELECT \"script\" FROM \"" + Schema.HISTORY
                + "\" WHERE \"success\" = FALSE").getResultList();
        assertEquals(List.of(), failed);
        Number newest = (Number) em.createNativeQuery("SELECT COUNT(*) FROM \"" + Schema.HISTORY
                + "\" WHERE \"script\" = 'V7__forced_password_change.sql'").getSingleResult();
        assertEquals(1, newest.intValue(), "the newest script is applied");
    }

    @Test
    void theDigestKeyIsNeverASilentDefault() throws Exception {
        if (!database.isEmbedded()) { // the PostgreSQL run: a shared database starts only with a configured key
            assertTrue(configuration.value("tollgate.token.digest-key").filter(k -> !k.isBlank()).isPresent());
            return;
        }
        Path file = Database.embeddedHome().resolve("tollgate-digest.key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(Files.readString(file).strip().length() >= 32);
    }

    @Test
    void readsConfigurationFromSystemProperties() {
        System.setProperty("tollgate.platform-it.probe", "42");
        assertEquals(42, configuration.intValue("tollgate.platform-it.probe", 7));
        assertEquals(7, configuration.intValue("tollgate.platform-it.absent", 7));
        assertTrue(System.getProperty("derby.system.home").endsWith("derby-it"));
    }
}
