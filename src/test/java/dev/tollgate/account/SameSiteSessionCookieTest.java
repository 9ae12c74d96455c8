package dev.tollgate.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletResponse;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SameSiteSessionCookieTest {

    private static final String PREFIX = "JSESSIONID=";

    @Test
    void onlyTheSessionCookieWithoutSameSiteNeedsIt() {
        assertTrue(SameSiteSessionCookie.lacksSameSite("JSESSIONID=abc; Path=/; HttpOnly", PREFIX));
        assertFalse(SameSiteSessionCookie.lacksSameSite("JSESSIONID=abc; Path=/; SameSite=Lax", PREFIX));
        assertFalse(SameSiteSessionCookie.lacksSameSite("JSESSIONID=abc; samesite=Strict", PREFIX));
        assertFalse(SameSiteSessionCookie.lacksSameSite("other=abc; Path=/", PREFIX));
    }

    @Test
    void theSessionCookieGetsLaxAndTheOthersStayAsTheyWere() {
        List<String> headers = new ArrayList<>(List.of("theme=dark; Path=/", "JSESSIONID=abc; Path=/; HttpOnly"));
        SameSiteSessionCookie.mend(response(headers, false), PREFIX);
        assertEquals(List.of("theme=dark; Path=/", "JSESSIONID=abc; Path=/; HttpOnly; SameSite=Lax"), headers);
    }

    @Test
    void aCookieThatHasSameSiteOrACommittedResponseIsLeftAlone() {
        List<String> present = new ArrayList<>(List.of("JSESSIONID=abc; SameSite=Strict"));
        SameSiteSessionCookie.mend(response(present, false), PREFIX);
        assertEquals(List.of("JSESSIONID=abc; SameSite=Strict"), present);

        List<String> committed = new ArrayList<>(List.of("JSESSIONID=abc; HttpOnly"));
        SameSiteSessionCookie.mend(response(committed, true), PREFIX);
        assertEquals(List.of("JSESSIONID=abc; HttpOnly"), committed);
    }

    /** A response that keeps its Set-Cookie headers in the list, as a server would. */
    private static HttpServletResponse response(List<String> setCookie, boolean committed) {
        return (HttpServletResponse) Proxy.newProxyInstance(HttpServletResponse.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "isCommitted" -> committed;
                    case "getHeaders" -> List.copyOf(setCookie);
                    case "setHeader" -> {
                        setCookie.clear();
                        setCookie.add((String) args[1]);
                        yield null;
                    }
                    case "addHeader" -> setCookie.add((String) args[1]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
