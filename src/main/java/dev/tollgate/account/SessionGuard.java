package dev.tollgate.account;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Ends a signed-in session whose account was removed or whose password changed since it signed in, and sends the
 * browser to the sign-in page; Faces AJAX requests get that redirect in the form their script understands.
 * An admin who must change a generated password is sent to Change password from every other page. Static
 * resources pass unchecked: they reveal nothing and a page loads many.
 */
@WebFilter(filterName = "SessionGuard", urlPatterns = "/*")
public class SessionGuard extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String PASSWORD_PAGE = "/settings/account/password";

    @Inject
    AdminSessions sessions;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getRemoteUser() != null && !isResource(request)) {
            switch (sessions.state(request)) {
                case ENDED -> {
                    sessions.end(request, "Session ended: account removed or password changed");
                    redirect(request, response, request.getContextPath() + "/sign-in");
                    return;
                }
                case MUST_CHANGE_PASSWORD -> {
                    if (!isPasswordPage(request)) {
                        redirect(request, response, request.getContextPath() + PASSWORD_PAGE + "?required=true");
                        return;
                    }
                }
                case CURRENT -> { }
            }
        }
        chain.doFilter(request, response);
    }

    /** Change password, where a generated password is replaced; its form also holds the sign-out button. */
    private static boolean isPasswordPage(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.equals(PASSWORD_PAGE) || path.equals(PASSWORD_PAGE + ".xhtml");
    }

    private static boolean isResource(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/jakarta.faces.resource/");
    }

    private static void redirect(HttpServletRequest request, HttpServletResponse response, String url)
            throws IOException {
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            response.setContentType("text/xml");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<partial-response><redirect url=\"" + url + "\"/></partial-response>");
        } else {
            response.sendRedirect(url);
        }
    }
}
