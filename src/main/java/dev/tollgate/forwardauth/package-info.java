/**
 * Forward authentication: a reverse proxy (nginx {@code auth_request}, Caddy {@code forward_auth}, Traefik
 * ForwardAuth) asks {@code GET /api/forward-auth} whether a request it holds may pass to a backend that Tollgate
 * does not contain, and Tollgate answers by exactly the API's rules ({@link dev.tollgate.api.TokenAccess}): the same
 * tokens, levels by method, expiry, throttling, revocation on the very next request, and last use.
 *
 * <p>{@link ForwardAuthResource} takes the request, {@link ForwardedRequest} reads what the proxy says about the
 * original one, {@link ForwardAuth} decides and answers in the few statuses a proxy understands, and
 * {@link HeaderText} writes the token's name into a response header that the proxy can pass on to the backend.
 */
package dev.tollgate.forwardauth;
