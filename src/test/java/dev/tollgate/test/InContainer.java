package dev.tollgate.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.inject.Qualifier;

/**
 * The entity manager that {@link EntityManagers} produces for in-container tests. A qualifier of the tests' own, so
 * that the producer never competes with a server's: Jakarta EE 11 (Persistence 3.2) makes the persistence unit's
 * entity manager a built-in CDI bean with the default qualifier, and an unqualified producer beside it is ambiguous
 * (Payara Micro 7 refused every test that asked for one: "Could not inject members").
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface InContainer {
}
