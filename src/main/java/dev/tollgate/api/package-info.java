/**
 * The token-guarded REST API under {@code /api}: the JAX-RS application, the guard that authenticates every request
 * with an API token and enforces its access level, throttling of failed authentications, the coalesced "last used"
 * record, RFC 9457 problem responses, and the resources.
 *
 * <p>Every resource added to this package (or anywhere in the WAR) is guarded by {@link dev.tollgate.api.TokenGuard}
 * without further ado; {@link dev.tollgate.api.RequiresLevel} adjusts the level one method needs and
 * {@link dev.tollgate.api.Public} opts a resource out. {@link dev.tollgate.api.ProblemMapper} is the one place that
 * turns exceptions into error responses.
 */
package dev.tollgate.api;
