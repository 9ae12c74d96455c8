package dev.tollgate.account;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

import dev.tollgate.token.AccessLevel;
import dev.tollgate.token.ApiToken;
import dev.tollgate.token.TokenDraft;
import dev.tollgate.token.TokenSearch;
import dev.tollgate.token.TokenValue;
import dev.tollgate.token.Tokens;

/**
 * Test deployment only: changes tokens as the signed-in admin, the way the console does, so that the browser test
 * can check the Audit Log without the tokens screen. {@code ?do=create|edit|delete&name=...}; create answers with
 * the new token's value.
 */
@WebServlet("/test/tokens")
public class TokenFixture extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    Tokens tokens;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("name");
        String actor = request.getRemoteUser();
        String answer = "ok";
        switch (request.getParameter("do")) {
            case "create" -> {
                TokenValue value = tokens.generateValue();
                tokens.create(new TokenDraft(name, AccessLevel.READ_ONLY, null), value, actor);
                answer = value.reveal();
            }
            case "edit" -> {
                ApiToken token = find(name);
                tokens.update(token.getId(), token.getVersion(),
                        new TokenDraft(name, AccessLevel.READ_AND_WRITE, null), tokens.generateValue(), actor);
            }
            case "delete" -> tokens.delete(find(name).getId(), actor);
            default -> throw new IllegalArgumentException("do=create|edit|delete");
        }
        response.setContentType("text/plain");
        response.getWriter().write(answer);
    }

    private ApiToken find(String name) {
        return tokens.search(new TokenSearch(name, null, null, null, true, 0, 1)).rows().get(0);
    }
}
