package dev.tollgate.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

import dev.tollgate.api.HostilePaths;
import dev.tollgate.headers.ResponseHeaders;

/**
 * The application's one authentication mechanism, which the server calls for every request before any filter or
 * servlet: it refuses a hostile path sent under {@code /api} with the API's own problem answer
 * ({@link HostilePaths}), where the form sign-in would have redirected it to {@code /sign-in} once the server had
 * normalised it out of {@code /api}, and hands everything else to {@link ConsoleForm}.
 */
@ApplicationScoped
public class ConsoleAuthentication implements HttpAuthenticationMechanism {

    @Inject
    @ConsoleForm.Inner
    ConsoleForm form;

    @Inject
    ResponseHeaders headers;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) throws AuthenticationException {
        try {
            // before any filter: a refusal written here must carry the same headers as every other answer
            headers.apply(request, response);
            if (HostilePaths.refused(request, response)) {
                // The answer is written: the server must neither invoke a resource nor redirect.
                return AuthenticationStatus.SEND_CONTINUE;
            }
        } catch (IOException e) {
            throw new AuthenticationException(e);
        }
        return form.validateRequest(request, response, context);
    }

    @Override
    public AuthenticationStatus secureResponse(HttpServletRequest request, HttpServletResponse response,
                                               HttpMessageContext context) throws AuthenticationException {
        return form.secureResponse(request, response, context);
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        form.cleanSubject(request, response, context);
    }
}
