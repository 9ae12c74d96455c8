package dev.tollgate.account;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.inject.Qualifier;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The console's form sign-in, as Jakarta Security's custom form mechanism does it: the form is the Faces page
 * {@code /sign-in}, whose bean calls {@code SecurityContext.authenticate} with the name and password; they are
 * checked by the identity store ({@link AdminIdentityStore}). An unauthenticated request for a console page is
 * redirected to {@code /sign-in} and, once signed in, back to where it was going ({@code LoginToContinue}); no error
 * page: a failed sign-in stays on the form with a message. The session keeps the admin signed in
 * ({@code AutoApplySession}).
 *
 * <p>Typed as itself only, so that it is not a second {@link HttpAuthenticationMechanism} bean: the mechanism is
 * {@link ConsoleAuthentication}, which refuses hostile API paths first and then hands every request to this one.
 *
 * <p>Open Liberty (Jakarta Security 3.0) looks for mechanisms by class, not by bean type: it counts every class that
 * implements {@link HttpAuthenticationMechanism}, refuses the deployment when there are two unless one is an
 * alternative or a decorator (CWWKS1925E), and calls the first class in its list that resolves to one bean of that
 * type with the default qualifier. Hence an enabled {@link Alternative} (nothing else of this type exists, so it
 * changes nothing for CDI) with a qualifier of its own ({@link Inner}): Liberty accepts the pair and always calls
 * {@link ConsoleAuthentication}, as every other server does.
 */
@ConsoleForm.Inner
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@Typed(ConsoleForm.class)
@ApplicationScoped
@AutoApplySession
@LoginToContinue(loginPage = "/sign-in", useForwardToLogin = false, errorPage = "")
public class ConsoleForm implements HttpAuthenticationMechanism {

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    AdminSessions sessions;

    /** The qualifier of the one {@link ConsoleForm}, which only {@link ConsoleAuthentication} asks for. */
    @Qualifier
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.FIELD})
    @interface Inner {
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential == null) {
            return context.doNothing();
        }
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            // Before the container hears of the sign-in: from then on the browser may already be on its way to the
            // page it asked for (WildFly's Undertow sends LoginToContinue's redirect at once, while the sign-in
            // request still runs), and SessionGuard ends a signed-in session that holds no password stamp.
            sessions.remember(request, result.getCallerPrincipal().getName());
        }
        return context.notifyContainerAboutLogin(result);
    }
}
