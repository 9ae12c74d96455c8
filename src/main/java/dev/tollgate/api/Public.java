package dev.tollgate.api;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Opts a resource class or method out of {@link TokenGuard}: it answers without a token, is not throttled and has
 * no principal. Every resource under {@code /api} is guarded unless it carries this annotation; only the health
 * answers do ({@code dev.tollgate.health}), since a load balancer that polls them has no token.
 */
@Documented
@Retention(RUNTIME)
@Target({TYPE, METHOD})
public @interface Public {
}
