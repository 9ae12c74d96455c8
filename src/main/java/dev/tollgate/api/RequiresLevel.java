package dev.tollgate.api;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import dev.tollgate.token.AccessLevel;

/**
 * The access level a resource method needs, for when its HTTP method does not tell: a {@code POST} search that only
 * reads takes {@code @RequiresLevel(AccessLevel.READ_ONLY)}; a {@code GET} that reveals something sensitive may take
 * {@code READ_AND_WRITE}. It wins over the default of the HTTP method (see {@link MethodLevels}). It does not make a
 * method outside GET, HEAD, OPTIONS, POST, PUT, PATCH and DELETE acceptable: those are refused with 405 regardless.
 *
 * <p>Only on methods, on purpose: on a class it would quietly lower the level of a {@code DELETE} added later.
 */
@Documented
@Retention(RUNTIME)
@Target(METHOD)
public @interface RequiresLevel {

    AccessLevel value();
}
