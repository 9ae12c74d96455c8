package dev.tollgate.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The password stamp is in the session before the container learns of a sign-in. WildFly sends LoginToContinue's
 * redirect as soon as the container has it, and the browser's next request, with the new identity, could reach
 * SessionGuard before a stamp set later: it found no stamp and ended the brand-new session (seen in CI as an admin
 * signed out right after signing in).
 */
class ConsoleFormTest {

    private static final Instant SIGNED_UP = Instant.parse("2026-12-01T10:15:30.123Z");

    private final Map<String, Object> session = new HashMap<>();
    private final Map<String, Object> sessionAtNotice = new HashMap<>();
    private boolean noticed;

    @Test
    void theSessionHoldsThePasswordStampBeforeTheContainerHearsOfTheSignIn() {
        ConsoleForm form = form(new CredentialValidationResult("ann", Set.of(AdminIdentityStore.ADMIN_ROLE)));
        form.validateRequest(request(), null, context(new UsernamePasswordCredential("ann", new Password("pw"))));
        assertEquals(SIGNED_UP.toEpochMilli(), sessionAtNotice.get(AdminSessions.STAMP));
    }

    @Test
    void aFailedSignInLeavesNoStamp() {
        ConsoleForm form = form(CredentialValidationResult.INVALID_RESULT);
        form.validateRequest(request(), null, context(new UsernamePasswordCredential("ann", new Password("no"))));
        assertNull(sessionAtNotice.get(AdminSessions.STAMP));
        assertFalse(session.containsKey(AdminSessions.STAMP));
    }

    @Test
    void aRequestWithoutCredentialsNeitherSignsInNorTouchesTheSession() {
        ConsoleForm form = form(CredentialValidationResult.INVALID_RESULT);
        form.validateRequest(request(), null, context(null));
        assertFalse(noticed);
        assertEquals(Map.of(), session);
    }

    private ConsoleForm form(CredentialValidationResult result) {
        ConsoleForm form = new ConsoleForm();
        form.identityStores = new IdentityStoreHandler() {
            @Override
            public CredentialValidationResult validate(Credential credential) {
                return result;
            }
        };
        form.sessions = new AdminSessions();
        form.sessions.admins = new Admins() {
            @Override
            public Optional<Admin> find(String username) {
                return Optional.of(new Admin(username, "hash", "admin", SIGNED_UP));
            }
        };
        return form;
    }

    private HttpMessageContext context(Credential credential) {
        AuthenticationParameters parameters = AuthenticationParameters.withParams().credential(credential);
        return proxy(HttpMessageContext.class, (name, args) -> switch (name) {
            case "getAuthParameters" -> parameters;
            case "doNothing" -> AuthenticationStatus.NOT_DONE;
            case "notifyContainerAboutLogin" -> {
                noticed = true;
                sessionAtNotice.putAll(session);
                yield ((CredentialValidationResult) args[0]).getStatus() == CredentialValidationResult.Status.VALID
                        ? AuthenticationStatus.SUCCESS : AuthenticationStatus.SEND_FAILURE;
            }
            default -> throw new UnsupportedOperationException(name);
        });
    }

    private HttpServletRequest request() {
        HttpSession httpSession = proxy(HttpSession.class, (name, args) -> switch (name) {
            case "setAttribute" -> session.put((String) args[0], args[1]);
            case "getAttribute" -> session.get((String) args[0]);
            default -> throw new UnsupportedOperationException(name);
        });
        return proxy(HttpServletRequest.class, (name, args) -> switch (name) {
            case "getSession" -> httpSession;
            default -> throw new UnsupportedOperationException(name);
        });
    }

    interface Answer {
        Object answer(String method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answer.answer(method.getName(), args)));
    }
}
