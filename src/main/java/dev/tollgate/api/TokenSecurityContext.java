package dev.tollgate.api;

import jakarta.ws.rs.core.SecurityContext;

import java.security.Principal;

import dev.tollgate.token.AccessLevel;

/**
 * The security context of an authenticated API request. Roles are access level names, and a token is in every role
 * its level permits: {@code isUserInRole("READ_ONLY")} holds for both levels, {@code "READ_AND_WRITE"} only for
 * read-and-write tokens, the same rule the guard applies to HTTP methods.
 */
record TokenSecurityContext(ApiCaller caller, boolean secure, String scheme) implements SecurityContext {

    @Override
    public Principal getUserPrincipal() {
        return caller;
    }

    @Override
    public boolean isUserInRole(String role) {
        for (AccessLevel level : AccessLevel.values()) {
            if (level.name().equals(role)) {
                return caller.accessLevel().permits(level);
            }
        }
        return false;
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return Credentials.BASIC.equals(scheme) ? BASIC_AUTH : scheme;
    }
}
