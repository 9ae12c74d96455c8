package dev.tollgate.test;

import java.io.File;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one deployment every integration test uses: the WAR that {@code mvn package} built, exactly as an operator
 * deploys it, plus whatever test classes a test adds. Building from the real WAR keeps the tests honest (same
 * descriptors, same libraries) and keeps this builder tiny.
 */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive tollgate() {
        String war = System.getProperty("tollgate.it.war", "target/tollgate.war");
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(war))
                .addClass(Deployments.class);
    }
}
