/**
 * The admin console's backing beans: they translate between PrimeFaces pages and the {@code token} service and do
 * nothing else. {@link dev.tollgate.console.TokenFeedback} is the one place that turns the service's domain
 * exceptions into Faces messages.
 */
package dev.tollgate.console;
