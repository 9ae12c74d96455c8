package dev.tollgate.test;

import java.io.File;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one deployment every integration test uses: the WAR that {@code mvn package} built, exactly as an operator
 * deploys it, plus whatever test classes a test adds. Building from the real WAR keeps the tests honest (same
 * descriptors, same libraries) and keeps this builder tiny.
 */
public final class Deployments {

    /**
     * web.xml protects every path but a few; this fragment opens the path of Arquillian's in-container test runner
     * too, in the test deployment only.
     */
    private static final String OPEN_TEST_RUNNER = """
            <web-fragment xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                <name>tollgate_test_runner_open</name>
                <security-constraint>
                    <web-resource-collection>
                        <web-resource-name>Arquillian test runner</web-resource-name>
                        <url-pattern>/ArquillianServletRunnerEE9</url-pattern>
                    </web-resource-collection>
                </security-constraint>
            </web-fragment>
            """;

    private Deployments() {
    }

    /** Adds a test's own settings to a deployment, as a MicroProfile Config source above all others. */
    public static WebArchive configured(WebArchive deployment, Class<? extends FixedConfig> config) {
        return deployment.addClasses(FixedConfig.class, config)
                .addAsResource(new StringAsset(config.getName()),
                        "META-INF/services/org.eclipse.microprofile.config.spi.ConfigSource");
    }

    public static WebArchive tollgate() {
        String war = System.getProperty("tollgate.it.war", "target/tollgate.war");
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(war))
                .addClasses(Deployments.class, EntityManagers.class, InContainer.class)
                .addAsLibrary(ShrinkWrap.create(JavaArchive.class, "tollgate-test-runner-open.jar")
                        .addAsManifestResource(new StringAsset(OPEN_TEST_RUNNER), "web-fragment.xml"));
    }
}
