package dev.tollgate.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import dev.tollgate.test.Browser;
import dev.tollgate.test.BrowserSession;
import dev.tollgate.test.Deployments;

/** Signing in and out of the console, the account pages and the Audit Log, in headless Chromium. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleSignInIT {

    static final String AUDIT_LOG = "settings/core/audit-log";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.tollgate().addClasses(TokenFixture.class, AdminFixture.class);
    }

    @ArquillianResource
    URL base;

    @RegisterExtension
    static final BrowserSession session = new BrowserSession();

    private static Browser browser() {
        return session.browser();
    }

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void signedOut() {
        browser().open(base + "sign-in");
        browser().driver().manage().deleteAllCookies();
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aConsolePageAsksForSignInAndReturnsAfterIt() {
        browser().open(base + AUDIT_LOG);
        assertTrue(browser().driver().getCurrentUrl().endsWith("/sign-in"), browser().driver().getCurrentUrl());
        String sessionBefore = browser().driver().manage().getCookieNamed("JSESSIONID").getValue();

        browser().submitSignIn(Browser.ADMIN, "not-the-password");
        assertTrue(browser().driver().getCurrentUrl().contains("/sign-in"));
        assertEquals(SignIn.WRONG, browser().find(By.id("signInForm:messages")).getText().strip());

        browser().submitSignIn(Browser.ADMIN, Browser.ADMIN_PASSWORD);
        browser().waitUntil(d -> d.getCurrentUrl().endsWith("/" + AUDIT_LOG));
        assertEquals(Browser.ADMIN, browser().find(By.id("accountBar:signedInAs")).getText());
        assertTrue(browser().driver().getTitle().startsWith("Audit Log"));
        String sessionAfter = browser().driver().manage().getCookieNamed("JSESSIONID").getValue();
        assertNotEquals(sessionBefore, sessionAfter, "a new session id after sign-in");

        signOut();
        assertTrue(browser().find(By.id("signInForm:signedOut")).getText().contains("You have signed out"));
        browser().open(base + AUDIT_LOG);
        assertTrue(browser().driver().getCurrentUrl().endsWith("/sign-in"), "signed out means signed out");
    }

    @Test
    void tokenChangesShowInTheAuditLog() {
        browser().signIn(base.toString());
        String name = unique("audit-browser");
        browser().open(base + "test/tokens?do=create&name=" + name);
        browser().open(base + "test/tokens?do=edit&name=" + name);
        browser().open(base + "test/tokens?do=delete&name=" + name);

        browser().open(base + AUDIT_LOG);
        WebElement filter = browser().find(By.id("auditForm:audit:tokenName:filter"));
        filter.sendKeys(name);
        List<String> expected = List.of("Token deleted", "Token value changed", "Token edited", "Token created");
        browser().waitUntil(d -> column(3).equals(expected));
        assertEquals(List.of(name, name, name, name), column(4));
        assertEquals(List.of("admin", "admin", "admin", "admin"), column(2));
        assertTrue(column(5).get(2).contains("Access level: Read only → Read and write"), column(5).get(2));
        assertTrue(column(6).stream().allMatch(ip -> !ip.isBlank()), column(6).toString());

        browser().choose("auditForm:audit:actionFilter", "Token created");
        browser().waitUntil(d -> column(3).equals(List.of("Token created")));
    }

    /**
     * Hostile sign-in input: every attempt is answered on the form with the usual message, never an error page,
     * and signs nobody in. Each attempt uses its own name, so no lockout gets in the way; the values go in through
     * the DOM, as a forged client sends them (a NUL cannot be typed).
     */
    @Test
    void hostileSignInInputGetsTheUsualAnswerAndSignsNobodyIn() {
        String tag = unique("hostile");
        List<String[]> attempts = List.of(
                new String[] {"nul\u0000" + tag, "password"},
                new String[] {tag + "-pw-nul", "pass\u0000word"},
                new String[] {"bell\u0007" + tag, "password"},
                new String[] {"esc\u001b[31m" + tag, "password"},
                new String[] {"line\nbreak-" + tag, "password"},
                new String[] {"\u202Enimda-" + tag, "password"},
                new String[] {"🔑-" + tag, "🔑🔑🔑"},
                new String[] {"n".repeat(10_000), "password"},
                new String[] {tag + "-long-pw", "p".repeat(10_000)},
                new String[] {"' OR '1'='1' -- " + tag, "' OR '1'='1"},
                new String[] {"admin'--" + tag, "x"},
                new String[] {"<script>window.tollgateInjected=true</script>" + tag, "x"},
                new String[] {"%00%27" + tag, "%00"},
                new String[] {"  spaced-" + tag + "  ", "  "},
                new String[] {"ADMIN\u200B", Browser.ADMIN_PASSWORD},
                new String[] {Browser.ADMIN + "\u0000", Browser.ADMIN_PASSWORD});
        for (String[] attempt : attempts) {
            browser().open(base + "sign-in");
            submitThroughTheDom(attempt[0], attempt[1]);
            String what = attempt[0].length() > 40 ? attempt[0].substring(0, 40) + "…" : attempt[0];
            assertTrue(browser().driver().getCurrentUrl().contains("/sign-in"), what + " left the sign-in page");
            String answer = browser().find(By.id("signInForm:messages")).getText().strip();
            // MyFaces (Open Liberty) counts a value of only spaces as missing for required="true" (its
            // UIInput.isEmpty trims); Mojarra only the empty string. Nobody is signed in either way
            Set<String> refusals = attempt[1].isBlank() ? Set.of(SignIn.WRONG, "Enter your password.")
                    : Set.of(SignIn.WRONG);
            assertTrue(refusals.contains(answer), what + ": " + answer);
            assertEquals(Boolean.FALSE, ((JavascriptExecutor) browser().driver())
                    .executeScript("return window.tollgateInjected === true;"), what);
        }
        browser().open(base + "sign-in");
        submitThroughTheDom("", "");
        assertTrue(browser().find(By.id("signInForm:messages")).getText().contains("Enter your account name."));
        browser().open(base + AUDIT_LOG);
        assertTrue(browser().driver().getCurrentUrl().endsWith("/sign-in"), "someone was signed in");
    }

    private static void submitThroughTheDom(String username, String password) {
        ((JavascriptExecutor) browser().driver()).executeScript(
                "document.getElementById('signInForm:username').value = arguments[0];"
                        + " document.getElementById('signInForm:password').value = arguments[1];"
                        + " window.tollgateBeforeSignIn = true;", username, password);
        browser().find(By.id("signInForm:submit")).click();
        browser().waitUntil(d -> ((JavascriptExecutor) d).executeScript("return window.tollgateBeforeSignIn"
                + " === undefined && document.readyState === 'complete'"));
        browser().waitForAjax();
    }

    @Test
    void repeatedFailuresLockANameWithoutSayingWhetherItExists() {
        String ghost = unique("ghost");
        browser().open(base + "sign-in");
        for (int i = 0; i < SignIns.MAX_FAILURES; i++) {
            browser().submitSignIn(ghost, "wrong-password-" + i);
        }
        String locked = browser().find(By.id("signInForm:messages")).getText();
        assertTrue(locked.startsWith("Too many failed sign-ins for this account name."), locked);
        browser().submitSignIn(ghost, "another-password");
        assertEquals(locked, browser().find(By.id("signInForm:messages")).getText());
    }

    @Test
    void adminsAreAddedAndRemovedAndChangeTheirPassword() {
        String name = unique("carol");
        String password = "carol's first passphrase";
        addAdminAndSignInAsIt(name, password);
        browser().open(base + "settings/account/password");
        String next = "carol's second passphrase";
        changePassword(password, next);
        assertTrue(browser().find(By.id("passwordForm:messages")).getText().contains("password has been changed"));
        browser().open(base + AUDIT_LOG);
        assertEquals(name, browser().find(By.id("accountBar:signedInAs")).getText(), "still signed in");

        signOut();
        browser().signIn(base.toString());
        browser().open(base + "settings/account/admins");
        WebElement row = browser().find(By.xpath("//tr[td[normalize-space()='" + name + "']]"));
        row.findElement(By.cssSelector("button[id$=':remove']")).click();
        browser().find(By.id("adminsForm:confirmYes")).click();
        browser().waitForAjax();
        browser().waitUntil(d -> !browser().find(By.id("adminsForm:admins")).getText().contains(name));
        assertTrue(browser().find(By.id("adminsForm:messages")).getText().contains("removed"));
    }

    /**
     * The add-admin form posted by hand, as another site's page or a script could: with a view state the admin's page
     * never had, or none, it adds nobody; with the page's own it does (so the refusals are the view state's doing).
     */
    @Test
    void aFormPostWithoutTheViewsStateDoesNothing() {
        browser().signIn(base.toString());
        browser().open(base + "settings/account/admins");
        String forged = unique("forged");
        for (String viewState : List.of("", "stateless", "-1234567890:987654321")) {
            postAddAdminForm(forged, viewState);
        }
        postAddAdminForm(forged, null);
        String genuine = unique("genuine");
        postAddAdminForm(genuine, (String) ((JavascriptExecutor) browser().driver()).executeScript(
                "return document.querySelector('#addForm input[name=\"jakarta.faces.ViewState\"]').value"));

        browser().open(base + "settings/account/admins");
        String admins = browser().find(By.id("adminsForm:admins")).getText();
        assertTrue(admins.contains(genuine), "the same post with the page's view state works");
        assertFalse(admins.contains(forged), "a Faces action runs only with the view state of a page the admin loaded");
    }

    /**
     * Posts the add-admin form with every field the page rendered into it, the view state replaced ({@code null}:
     * left out). The form's own fields, not a list of them: which hidden field marks a form as the one submitted
     * is up to the Faces implementation (Mojarra {@code addForm=addForm}, MyFaces {@code addForm_SUBMIT=1}; without
     * it a form's fields are not even decoded, and a post proves nothing about the view state).
     */
    private void postAddAdminForm(String name, String viewState) {
        ((JavascriptExecutor) browser().driver()).executeScript(
                "var fields = new URLSearchParams(new FormData(document.getElementById('addForm')));"
                        + " fields.set('addForm:username', arguments[1]);"
                        + " fields.set('addForm:password', 'forged-password-123');"
                        + " fields.set('addForm:repeated', 'forged-password-123');"
                        + " fields.set('addForm:add', 'addForm:add');"
                        + " if (arguments[2] === null) { fields.delete('jakarta.faces.ViewState'); }"
                        + " else { fields.set('jakarta.faces.ViewState', arguments[2]); }"
                        + " var x = new XMLHttpRequest(); x.open('POST', arguments[0], false);"
                        + " x.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded');"
                        + " x.send(fields.toString());",
                base + "settings/account/admins", name, viewState);
    }

    @Test
    void anApiTokenDoesNotOpenTheConsoleAndAPasswordDoesNotOpenTheApi() throws Exception {
        browser().signIn(base.toString());
        browser().open(base + "test/tokens?do=create&name=" + unique("bearer"));
        String token = ((String) ((JavascriptExecutor) browser().driver())
                .executeScript("return document.body.innerText")).strip();
        assertTrue(token.startsWith("tlg_"), token);

        HttpResponse<String> console = get(AUDIT_LOG, "Bearer " + token);
        assertEquals(302, console.statusCode());
        assertTrue(console.headers().firstValue("Location").orElse("").endsWith("/sign-in"));
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (Browser.ADMIN + ":" + Browser.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertEquals(302, get(AUDIT_LOG, basic).statusCode(), "the console signs in through its form only");

        for (String credentials : List.of(basic, "Bearer " + Browser.ADMIN_PASSWORD)) {
            int status = get("api/tokens", credentials).statusCode();
            assertFalse(status >= 200 && status < 300, "the API answered " + status + " to " + credentials);
        }
    }

    @Test
    void consolePagesCarryAStrictContentSecurityPolicyAndAreNeverCached() throws Exception {
        HttpResponse<String> first = get("sign-in", null);
        HttpResponse<String> second = get("sign-in", null);
        List<String> policies = first.headers().allValues("Content-Security-Policy");
        assertEquals(1, policies.size(), policies.toString());
        String policy = policies.get(0);
        for (String directive : List.of("default-src 'self'", "object-src 'none'", "base-uri 'self'",
                "frame-ancestors 'none'", "form-action 'self'", "script-src 'self' 'nonce-")) {
            assertTrue(policy.contains(directive), directive + " missing from " + policy);
        }
        String scripts = policy.substring(policy.indexOf("script-src"));
        assertFalse(scripts.contains("unsafe"), "scripts run only from the origin or with the nonce: " + policy);
        assertFalse(policy.equals(second.headers().firstValue("Content-Security-Policy").orElse("")),
                "every page gets a nonce of its own");
        assertEquals(List.of("DENY"), first.headers().allValues("X-Frame-Options"));
        assertEquals("nosniff", first.headers().firstValue("X-Content-Type-Options").orElse(null));
        assertEquals("same-origin", first.headers().firstValue("Referrer-Policy").orElse(null));
        assertEquals("no-store", first.headers().firstValue("Cache-Control").orElse(null));

        // static resources may be cached; they are never sniffed either
        java.util.regex.Matcher script = java.util.regex.Pattern
                .compile("src=\"[^\"]*(/jakarta\\.faces\\.resource/[^\"]+)\"").matcher(first.body());
        assertTrue(script.find(), "the sign-in page loads no script resource");
        HttpResponse<String> resource = get(script.group(1).replace("&amp;", "&").substring(1), null);
        assertEquals(200, resource.statusCode());
        assertFalse(resource.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
        assertEquals("nosniff", resource.headers().firstValue("X-Content-Type-Options").orElse(null));

        // and the browser enforces it: a script injected into the page without the nonce does not run
        browser().open(base + "sign-in");
        Object ran = ((JavascriptExecutor) browser().driver()).executeScript(
                "window.injected = false; var s = document.createElement('script');"
                        + " s.textContent = 'window.injected = true;'; document.head.appendChild(s);"
                        + " return window.injected;");
        assertEquals(Boolean.FALSE, ran);
        browser().waitUntil(d -> !browser().policyViolations().isEmpty());
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
        HttpResponse<String> signIn = get("sign-in", null);
        String cookie = signIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.toLowerCase().contains("samesite=lax"), cookie);
    }

    @Test
    void wrongCurrentPasswordsEndTheSessionAndCountAsFailedSignIns() {
        String name = unique("dave");
        String password = "dave's only passphrase";
        addAdminAndSignInAsIt(name, password);
        browser().open(base + "settings/account/password");
        for (int i = 1; i < SignIns.MAX_FAILURES; i++) {
            changePassword("a guess at the password " + i, "a new passphrase of dave");
            browser().waitUntil(d -> browser().find(By.id("passwordForm:currentMessage")).getText()
                    .contains("The current password is wrong."));
            assertTrue(browser().driver().getCurrentUrl().contains("settings/account/password"), "still signed in");
        }
        changePassword("a guess at the password 5", "a new passphrase of dave");
        browser().waitUntil(d -> d.getCurrentUrl().contains("/sign-in?locked=true"));
        assertTrue(browser().find(By.id("signInForm:locked")).getText().contains("too many wrong passwords"));

        browser().submitSignIn(name, password);
        String refused = browser().find(By.id("signInForm:messages")).getText();
        assertTrue(refused.startsWith("Too many failed sign-ins for this account name."), refused);
        browser().signIn(base.toString());
        browser().open(base + AUDIT_LOG);
        browser().waitUntil(d -> browser().find(By.id("auditForm")).getText()
                .contains("Password change failed: wrong current password"));
    }

    @Test
    void aGeneratedPasswordOpensOnlyChangePasswordUntilItIsReplaced() {
        String name = unique("erin");
        String generated = "generated-" + UUID.randomUUID();
        browser().signIn(base.toString());
        browser().open(base + "test/generated-admin?name=" + name + "&password=" + generated);
        browser().waitUntil(d -> d.getPageSource().contains("ok"));
        browser().open(base + AUDIT_LOG);
        signOut();

        browser().signIn(base.toString(), name, generated);
        for (String page : List.of("", AUDIT_LOG, "settings/core/api-tokens", "settings/account/admins",
                "test/tokens?do=create&name=" + name)) {
            browser().open(base + page);
            browser().waitUntil(d -> d.getCurrentUrl().endsWith("settings/account/password?required=true"));
            assertTrue(browser().find(By.id("passwordForm:required")).getText().contains("was generated"), page);
        }
        String own = "erin's own passphrase";
        changePassword(generated, own);
        assertTrue(browser().find(By.id("passwordForm:messages")).getText().contains("password has been changed"));
        browser().open(base + AUDIT_LOG);
        browser().waitUntil(d -> d.getCurrentUrl().endsWith(AUDIT_LOG));
        assertEquals(name, browser().find(By.id("accountBar:signedInAs")).getText());
        signOut();
    }

    private void addAdminAndSignInAsIt(String name, String password) {
        browser().signIn(base.toString());
        browser().open(base + "settings/account/admins");
        type("addForm:username", name);
        type("addForm:password", password);
        type("addForm:repeated", password);
        browser().find(By.id("addForm:add")).click();
        browser().waitForAjax();
        browser().waitUntil(d -> browser().find(By.id("adminsForm:admins")).getText().contains(name));
        signOut();
        browser().signIn(base.toString(), name, password);
    }

    private static void changePassword(String current, String next) {
        type("passwordForm:current", current);
        type("passwordForm:password", next);
        type("passwordForm:repeated", next);
        browser().find(By.id("passwordForm:submit")).click();
        browser().waitForAjax();
    }

    private static void type(String id, String text) {
        browser().find(By.id(id)).sendKeys(text);
    }

    private static void signOut() {
        browser().find(By.id("accountBar:signOut")).click();
        browser().waitUntil(d -> d.getCurrentUrl().contains("/sign-in"));
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The texts of one column of the Audit Log's rows (1-based), empty rows left out. */
    private static List<String> column(int index) {
        return browser().driver().findElements(By.cssSelector("#auditForm\\:audit_data > tr[data-ri]")).stream()
                .map(row -> row.findElement(By.cssSelector("td:nth-child(" + index + ")")).getText().strip())
                .toList();
    }
}
