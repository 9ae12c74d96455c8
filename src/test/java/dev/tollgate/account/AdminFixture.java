package dev.tollgate.account;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Test deployment only: adds an admin whose password counts as generated, as the first admin's does when no
 * password is configured, so that the browser test can sign in with one. {@code ?name=...&password=...}
 */
@WebServlet("/test/generated-admin")
public class AdminFixture extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    Admins admins;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("name");
        admins.add(name, request.getParameter("password"), request.getRemoteUser());
        admins.requirePasswordChange(name);
        response.setContentType("text/plain");
        response.getWriter().write("ok");
    }
}
