package dev.tollgate.test;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The persistence unit's container-managed entity manager for in-container tests, which take it with
 * {@code @Inject @InContainer} (every test deployment carries this class, {@link Deployments}).
 *
 * <p>Not {@code @PersistenceContext} on the test class itself: Arquillian injects a test instance through CDI, and
 * whether CDI then fills Jakarta EE resource fields of a class that is no bean is up to the server. Payara, GlassFish
 * and WildFly do; Open Liberty injects them only into the components and beans it found at deployment, and left the
 * field null. A producer field on a bean is the standard way that works everywhere. Qualified ({@link InContainer}),
 * since on Jakarta EE 11 the server's own entity manager bean has the default qualifier.
 */
@ApplicationScoped
public class EntityManagers {

    @Produces
    @InContainer
    @PersistenceContext
    EntityManager entityManager;
}
