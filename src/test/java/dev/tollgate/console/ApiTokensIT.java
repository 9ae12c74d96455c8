package dev.tollgate.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Pattern;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import dev.tollgate.test.Browser;
import dev.tollgate.test.BrowserSession;
import dev.tollgate.test.Deployments;

/**
 * Settings › Core › API Tokens in headless Chromium, following the user documentation's steps: creating a token and
 * reading its value once, filtering, sorting, editing, deleting, and the messages for bad input and for changes
 * that another admin made meanwhile.
 *
 * <p>The database outlives a run and other test classes share it, so every name carries this run's number (digits
 * only, so that it never matches a name filter such as "for") and each test narrows the table to its own tokens.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiTokensIT {

    private static final String RUN = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
    private static final By ROWS = By.cssSelector("[id='tokens-form:tokens_data'] > tr");
    private static final By ROW_NAMES = By.cssSelector("[id='tokens-form:tokens_data'] .token-name");
    private static final By EMPTY = By.cssSelector("[id='tokens-form:tokens_data'] .ui-datatable-empty-message");
    private static final By PAGE_MESSAGES = By.id("tokens-form:messages");
    private static final By TOKEN_DIALOG = By.id("token-dialog");
    private static final By ONE_TIME_DIALOG = By.id("one-time");
    private static final By DELETE_DIALOG = By.id("tokens-form:delete-dialog");
    private static final By ROTATE_DIALOG = By.id("tokens-form:rotate-dialog");
    private static final By END_GRACE_DIALOG = By.id("tokens-form:end-grace-dialog");
    private static final By USAGE_DIALOG = By.id("tokens-form:usage-dialog");
    private static final String CHANGED_MEANWHILE =
            "This API token was changed meanwhile by someone else. Reload it and make your change again.";
    private static final String GONE = "This API token no longer exists; it may have been deleted meanwhile.";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.configured(Deployments.tollgate().addClass(TimePassedFixture.class),
                ConsoleTestConfig.class);
    }

    @ArquillianResource
    URL base;

    @RegisterExtension
    static final BrowserSession session = new BrowserSession();

    private static Browser browser() {
        return session.browser();
    }

    /** The console needs a signed-in admin: signs the browser in whenever it is not (a test may end the session). */
    @BeforeEach
    void signIn() {
        browser().open(base + "settings/core/api-tokens");
        if (browser().driver().getCurrentUrl().contains("/sign-in")) {
            browser().submitSignIn(Browser.ADMIN, Browser.ADMIN_PASSWORD);
        }
    }

    @Test
    void rootIsServedByFacesAndLeadsIntoTheConsole() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> root = http.send(HttpRequest.newBuilder(URI.create(base.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, root.statusCode(), "the console is for signed-in admins only");
        String location = root.headers().firstValue("Location").orElseThrow();
        assertTrue(location.endsWith(base.getPath() + "sign-in"), location);
        HttpResponse<String> signInPage = http.send(HttpRequest.newBuilder(URI.create(location)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, signInPage.statusCode());
        assertTrue(signInPage.body().contains("ln=primefaces"), signInPage.body());

        browser().open(base.toString());
        assertEquals(base + "settings/core/api-tokens", browser().driver().getCurrentUrl());
        assertEquals("API Tokens · Tollgate", browser().driver().getTitle());
        assertEquals("API Tokens", browser().find(By.cssSelector("h1.console-title")).getText());
    }

    @Test
    void menuLeadsToSettingsCoreApiTokensAndTheOtherSettings() {
        browser().open(base + "settings/core/api-tokens");
        browser().click(By.xpath("//*[@id='console-menu-form:console-menu']//span[text()='Settings']"));
        browser().click(By.xpath("//*[@id='console-menu-form:core']/a"));
        WebElement apiTokens = browser().find(By.id("console-menu-form:api-tokens"));
        assertEquals("API Tokens", apiTokens.getText());
        assertEquals(base + "settings/core/audit-log", href("console-menu-form:audit-log"));
        assertEquals(base + "settings/account/admins", href("console-menu-form:admins"));
        assertEquals(base + "settings/account/password", href("console-menu-form:password"));
        apiTokens.click();
        browser().waitUntil(ExpectedConditions.urlToBe(base + "settings/core/api-tokens"));
        browser().waitForAjax();
        assertEquals("Add API Token", browser().find(By.id("tokens-form:add")).getText());
    }

    @Test
    void createsATokenAndShowsItsValueOnlyOnce() {
        openTokens();
        String name = "ci-pipeline " + RUN;
        browser().click(By.id("tokens-form:add"));
        assertEquals("Add API Token", browser().find(By.cssSelector("#token-form .dialog-title")).getText());
        WebElement valueField = browser().find(By.id("token-form:value"));
        String prefilled = valueField.getAttribute("value");
        assertTrue(prefilled.matches("tlg_[0-9A-Za-z]{38}"), prefilled);
        assertEquals("true", valueField.getAttribute("readonly"));
        browser().find(By.id("token-form:name")).sendKeys(name);
        chooseLevel("Read and write");
        typeExpiry("2099-12-31");
        browser().click(By.id("token-form:submit"));

        WebElement dialog = browser().find(ONE_TIME_DIALOG);
        assertTrue(dialog.getText().contains("This is the value of the API token “" + name + "”. It will not be "
                + "shown again: copy it now and keep it somewhere safe."), dialog.getText());
        assertEquals(prefilled, browser().find(By.id("one-time-form:one-time-value")).getAttribute("value"));
        browser().click(By.id("one-time-form:copy"));
        String copied = browser().waitUntil(d -> d.findElement(By.id("copy-status")).getText());
        assertTrue(List.of("Copied to the clipboard.", "Press Ctrl+C (or ⌘C) to copy the selected token.")
                .contains(copied), copied);
        closeOneTimeDialog();
        assertFalse(browser().driver().getPageSource().contains(prefilled), "the value is still in the page");
        assertEquals("The API token “" + name + "” was created.", browser().find(PAGE_MESSAGES).getText());

        filter("name", name);
        awaitNames(List.of(name));
        List<String> row = row(name);
        assertEquals(prefilled.substring(0, 8) + "…", row.get(1));
        assertEquals("Read and write", row.get(2));
        assertEquals("2099-12-31 00:00 UTC", row.get(3));
        assertEquals("Any address", row.get(4));
        assertEquals("Never", row.get(5));
        assertEquals("0", row.get(6), "requests in the last 30 days");
        assertTrue(row.get(7).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC\\nby admin"), row.get(7));

        browser().open(base + "settings/core/api-tokens");
        assertFalse(browser().driver().getPageSource().contains(prefilled), "the value is in the reloaded page");
        filter("token", prefilled);
        awaitNames(List.of(name));
        filter("token", prefilled.substring(0, 37) + "0");
        awaitEmpty("No API tokens match these filters.");
    }

    @Test
    void filtersAsYouTypeByPartialNameTokenValueAndAccessLevel() {
        openTokens();
        String forums = "forums " + RUN;
        String forumAdmin = "forum-admin " + RUN;
        String forumsValue = addToken(forums, "Read only", null);
        addToken(forumAdmin, "Read and write", null);

        filter("name", "for");
        awaitRowsMatching(n -> n.toLowerCase(Locale.ROOT).contains("for"), forums, forumAdmin);
        filter("name", "ums");
        awaitRows(n -> n.toLowerCase(Locale.ROOT).contains("ums"), List.of(forums), List.of(forumAdmin));
        filter("name", "FOR");
        awaitRowsMatching(n -> n.toLowerCase(Locale.ROOT).contains("for"), forums, forumAdmin);

        chooseLevelFilter("Read and write");
        awaitRows(n -> n.toLowerCase(Locale.ROOT).contains("for"), List.of(forumAdmin), List.of(forums));
        assertTrue(levels().stream().allMatch("Read and write"::equals), levels().toString());
        chooseLevelFilter("Read only");
        awaitRows(n -> n.toLowerCase(Locale.ROOT).contains("for"), List.of(forums), List.of(forumAdmin));
        assertTrue(levels().stream().allMatch("Read only"::equals), levels().toString());
        chooseLevelFilter("All");
        awaitRowsMatching(n -> n.toLowerCase(Locale.ROOT).contains("for"), forums, forumAdmin);

        filter("name", "");
        filter("token", forumsValue);
        awaitNames(List.of(forums));
        filter("token", forumsValue.substring(0, 8));
        awaitRowsMatching(n -> true, forums);

        filter("token", "");
        filter("name", "no such token " + RUN);
        awaitEmpty("No API tokens match these filters.");

        browser().click(By.id("tokens-form:filter-results"));
        browser().waitUntil(ExpectedConditions.invisibilityOfElementLocated(filterField("name")));
        browser().waitUntil(d -> !names().isEmpty());
        browser().click(By.id("tokens-form:filter-results"));
        assertEquals("", browser().find(filterField("name")).getAttribute("value"), "hiding kept the filter");
    }

    @Test
    void marksTokensThatExpireSoonHaveExpiredOrLieUnusedAndFiltersByExpiry() {
        openTokens();
        String mine = "xp" + RUN; // other tests' tokens share RUN
        String soon = mine + " expiring";
        String later = mine + " later";
        String expired = mine + " expired";
        String idle = mine + " idle";
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        addToken(soon, "Read only", today.plusDays(3).toString());
        addToken(later, "Read only", today.plusDays(30).toString());
        addToken(expired, "Read and write", today.plusDays(30).toString());
        addToken(idle, "Read only", null);
        timePasses("name=" + encode(expired) + "&expiredDaysAgo=1");
        timePasses("name=" + encode(idle) + "&createdDaysAgo=40");

        openTokens();
        filter("name", mine);
        awaitRowsMatching(n -> n.startsWith(mine), soon, later, expired, idle);
        // the start of today + 3 (UTC) is 2 to 3 days away; a little under 2 if midnight passed since "today" was read
        String notice = inRow(soon, "token-expires-soon");
        assertTrue(notice.matches("expires in [1-3] days?"), notice);
        assertEquals("Expired", inRow(expired, "token-expired-tag"));
        assertEquals("never used in 40 days", inRow(idle, "token-unused"));
        for (String plain : List.of(later, idle)) {
            assertEquals("", inRow(plain, "token-expires-soon") + inRow(plain, "token-expired-tag"), plain);
        }
        assertEquals("", inRow(soon, "token-unused"), "used or not, 3 days old is not unused");

        chooseExpiryFilter("Expiring within 7 days");
        awaitRows(n -> n.startsWith(mine), List.of(soon), List.of(later, expired, idle));
        chooseExpiryFilter("Expired");
        awaitRows(n -> n.startsWith(mine), List.of(expired), List.of(soon, later, idle));
        chooseExpiryFilter("Expired or expiring within 7 days");
        awaitRows(n -> n.startsWith(mine), List.of(soon, expired), List.of(later, idle));
        filter("name", mine + " nothing");
        awaitEmpty("No API tokens match these filters.");
        filter("name", mine);
        chooseExpiryFilter("All");
        awaitRowsMatching(n -> n.startsWith(mine), soon, later, expired, idle);
    }

    @Test
    void limitsATokenToAddressesWithClearMessagesShowsThemAndFiltersByThem() {
        openTokens();
        String mine = "al" + RUN; // other tests' tokens share RUN
        String listed = mine + " listed";
        String open = mine + " open";
        addToken(open, "Read only", null);

        browser().click(By.id("tokens-form:add"));
        browser().find(By.id("token-form:name")).sendKeys(listed);
        type("token-form:allowedAddresses", "10.0.0.0/8\nintranet.example");
        submitExpecting("allowedAddresses", "\"intranet.example\" is not an IP address or CIDR range"
                + " (e.g. 10.0.0.5, 10.0.0.0/8, 2001:db8::/32).");
        type("token-form:allowedAddresses", "10.1.2.3/8\n2001:DB8::/32, 203.0.113.7");
        browser().click(By.id("token-form:submit"));
        browser().find(By.id("one-time-form:one-time-value"));
        closeOneTimeDialog();

        filter("name", mine);
        awaitRowsMatching(n -> n.startsWith(mine), listed, open);
        assertEquals("3 listed", inRow(listed, "token-addresses"));
        assertEquals("10.0.0.0/8, 2001:db8::/32, 203.0.113.7", browser().find(By.xpath(rowOf(listed)
                + "//*[contains(@class, 'token-addresses')]")).getAttribute("title"), "the ranges in a tooltip");
        assertEquals("Any address", browser().find(By.xpath(rowOf(open) + "/td[contains(@class, 'col-addresses')]"))
                .getText().strip());

        chooseAddressFilter("Listed addresses only");
        awaitRows(n -> n.startsWith(mine), List.of(listed), List.of(open));
        chooseAddressFilter("Any address");
        awaitRows(n -> n.startsWith(mine), List.of(open), List.of(listed));
        chooseAddressFilter("All");
        awaitRowsMatching(n -> n.startsWith(mine), listed, open);

        // the form shows the list one per line, as it was saved; emptying it lifts the limit
        clickInRow(listed, "edit");
        WebElement addresses = browser().find(By.id("token-form:allowedAddresses"));
        browser().waitUntil(d -> !addresses.getAttribute("value").isEmpty());
        assertEquals("10.0.0.0/8\n2001:db8::/32\n203.0.113.7", addresses.getAttribute("value"));
        type("token-form:allowedAddresses", "");
        browser().click(By.id("token-form:submit"));
        browser().waitUntil(ExpectedConditions.invisibilityOfElementLocated(TOKEN_DIALOG));
        browser().waitForAjax();
        browser().waitUntil(d -> "".equals(inRow(listed, "token-addresses")));
        assertEquals("Any address", browser().find(By.xpath(rowOf(listed) + "/td[contains(@class, 'col-addresses')]"))
                .getText().strip());
    }

    @Test
    void filtersAValueEnteredWithoutKeysAsAPasteWithTheMouseOrAnAutofillDoes() {
        openTokens();
        String pasted = "pasted " + RUN;
        String other = "copied " + RUN;
        String value = addToken(pasted, "Read only", null);
        addToken(other, "Read only", null);

        // a paste with the mouse or an autofill changes the value and fires "input", and no key event at all
        enterWithoutKeys("name", pasted);
        awaitNames(List.of(pasted));
        enterWithoutKeys("name", RUN);
        awaitRows(n -> n.contains(RUN), List.of(other, pasted), List.of());
        enterWithoutKeys("name", "");
        enterWithoutKeys("token", value);
        awaitNames(List.of(pasted));
        enterWithoutKeys("token", "");

        // hostile filter text: matched literally or ignored, never an error
        for (String hostile : List.of("%", "_", "\\", "' OR '1'='1' --", "\u0000", "n".repeat(10_000))) {
            enterWithoutKeys("name", hostile);
            assertFalse(browser().driver().findElement(By.id("request-failed")).isDisplayed(), hostile);
            assertTrue(!names().isEmpty() || browser().driver().findElements(EMPTY).size() == 1, hostile);
        }
        enterWithoutKeys("name", "");
    }

    @Test
    void sortsByEveryColumnBothWaysUntilTheNextReload() {
        openTokens();
        String tag = "srt" + RUN;
        String delta = tag + " Delta";
        String alpha = tag + " alpha";
        String charlie = tag.toUpperCase(Locale.ROOT) + " charlie";
        String bravo = tag + " Bravo";
        addToken(delta, "Read and write", "2098-03-30");
        addToken(alpha, "Read only", null);
        addToken(charlie, "Read and write", "2098-01-10");
        addToken(bravo, "Read only", "2098-02-20");
        List<String> alphabetical = List.of(alpha, bravo, charlie, delta);
        List<String> created = List.of(delta, alpha, charlie, bravo);

        filter("name", tag);
        awaitNames(alphabetical);
        assertEquals("ascending", sortState("name"));

        sort("name", "descending");
        awaitNames(reversed(alphabetical));
        sort("name", "ascending");
        awaitNames(alphabetical);

        List<String> byHint = rowsSortedByHint();
        sort("token", "ascending");
        awaitNames(byHint);
        sort("token", "descending");
        awaitNames(reversed(byHint));

        // within a level, alphabetical: the name is the level's tie-breaker (it shares the level's index)
        sort("level", "ascending");
        awaitNames(List.of(charlie, delta, alpha, bravo));
        sort("level", "descending");
        awaitNames(List.of(bravo, alpha, delta, charlie));

        sort("expires", "ascending");
        awaitNames(List.of(charlie, bravo, delta, alpha));
        sort("expires", "descending");
        awaitNames(List.of(alpha, delta, bravo, charlie));

        // none of them is limited to addresses: the id, in the same index, breaks the tie
        sort("addresses", "ascending");
        awaitNames(created);
        sort("addresses", "descending");
        awaitNames(reversed(created));

        sort("last-used", "ascending");
        awaitNames(created);
        sort("last-used", "descending");
        awaitNames(reversed(created));

        sort("created", "ascending");
        awaitNames(created);
        sort("created", "descending");
        awaitNames(reversed(created));

        browser().open(base + "settings/core/api-tokens");
        List<String> page = names();
        assertFalse(page.isEmpty());
        assertEquals(page.stream().sorted(Comparator.comparing(n -> n.toLowerCase(Locale.ROOT))).toList(), page);
        assertEquals("ascending", sortState("name"));
        assertEquals("25", new Select(browser().find(
                By.cssSelector("[id='tokens-form:tokens_paginator_bottom'] select"))).getFirstSelectedOption().getText());
        filter("name", tag);
        awaitNames(alphabetical);
    }

    @Test
    void editsATokenThroughThePencilAndSetsANewValueShownOnce() {
        openTokens();
        String name = "edit-me " + RUN;
        String renamed = "edited " + RUN;
        String oldValue = addToken(name, "Read only", null);
        filter("name", name);
        awaitNames(List.of(name));

        browser().click(By.cssSelector("[id='tokens-form:tokens_data'] button[id$=':edit']"));
        assertEquals("Edit API Token", browser().find(By.cssSelector("#token-form .dialog-title")).getText());
        assertEquals(name, browser().find(By.id("token-form:name")).getAttribute("value"));
        WebElement valueField = browser().find(By.id("token-form:value"));
        assertEquals(oldValue.substring(0, 8) + "…", valueField.getAttribute("value"));
        assertEquals("true", valueField.getAttribute("readonly"));
        WebElement nameField = browser().find(By.id("token-form:name"));
        nameField.clear();
        nameField.sendKeys(renamed);
        chooseLevel("Read and write");
        browser().click(By.id("token-form:submit"));
        browser().waitUntil(ExpectedConditions.invisibilityOfElementLocated(TOKEN_DIALOG));
        assertFalse(browser().driver().findElement(ONE_TIME_DIALOG).isDisplayed());
        assertEquals("The API token “" + renamed + "” was saved.", browser().find(PAGE_MESSAGES).getText());
        filter("name", renamed);
        awaitNames(List.of(renamed));
        assertEquals(List.of(renamed, oldValue.substring(0, 8) + "…", "Read and write"), row(renamed).subList(0, 3));

        browser().click(By.cssSelector("[id='tokens-form:tokens_data'] button[id$=':edit']"));
        browser().click(By.id("token-form:edit-value"));
        valueField = browser().find(By.id("token-form:value"));
        assertEquals("", valueField.getAttribute("value"));
        assertNull(valueField.getAttribute("readonly"));
        valueField.sendKeys("too short");
        browser().click(By.id("token-form:submit"));
        assertEquals("A token must be 20 to 200 characters long.",
                browser().find(By.id("token-form:value-message")).getText());
        browser().click(By.id("token-form:regenerate"));
        String regenerated = browser().find(By.id("token-form:value")).getAttribute("value");
        assertTrue(regenerated.matches("tlg_[0-9A-Za-z]{38}"), regenerated);
        browser().click(By.id("token-form:submit"));
        assertEquals(regenerated, browser().find(By.id("one-time-form:one-time-value")).getAttribute("value"));
        closeOneTimeDialog();
        assertFalse(browser().driver().getPageSource().contains(regenerated), "the new value is still in the page");
        awaitNames(List.of(renamed));
        assertEquals(regenerated.substring(0, 8) + "…", row(renamed).get(1));

        filter("name", "");
        filter("token", oldValue);
        awaitEmpty("No API tokens match these filters.");
        filter("token", regenerated);
        awaitNames(List.of(renamed));
    }

    @Test
    void rotatesAValueWithAGraceShownOnceAndStopsTheOldOneEarly() throws Exception {
        openTokens();
        String name = "rotate-me " + RUN;
        String oldValue = addToken(name, "Read and write", null);
        filter("name", name);
        awaitNames(List.of(name));

        clickInRow(name, "rotate");
        WebElement dialog = browser().find(ROTATE_DIALOG);
        assertTrue(browser().find(By.id("tokens-form:rotate-question")).getText().startsWith(
                "A new value for “" + name + "” is generated and shown once."));
        assertEquals("24 hours", browser().find(By.id("tokens-form:rotate-grace_label")).getText(), "the default");
        assertEquals(List.of("Rotate Value", "Cancel"), dialog.findElements(
                By.cssSelector(".ui-dialog-footer button")).stream().map(WebElement::getText).toList());
        browser().choose("tokens-form:rotate-grace", "1 hour");
        browser().click(By.id("tokens-form:rotate-yes"));
        String newValue = browser().find(By.id("one-time-form:one-time-value")).getAttribute("value");
        assertTrue(newValue.matches("tlg_[0-9A-Za-z]{38}") && !newValue.equals(oldValue), newValue);
        String rotatedMessage = browser().find(PAGE_MESSAGES).getText();
        assertTrue(rotatedMessage.matches("The API token “" + name + "” has a new value; the old one works until"
                + " \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC\\."), rotatedMessage);
        closeOneTimeDialog();
        assertFalse(browser().driver().getPageSource().contains(newValue), "the new value is still in the page");
        assertFalse(browser().driver().findElement(ROTATE_DIALOG).isDisplayed());

        awaitNames(List.of(name));
        assertEquals(newValue.substring(0, 8) + "…", inRow(name, "token-hint"));
        assertTrue(inRow(name, "token-grace-tag").matches("old value " + Pattern.quote(oldValue.substring(0, 8))
                + "… works until \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC"), inRow(name, "token-grace-tag"));
        assertEquals("not used since the rotation", inRow(name, "token-grace-use"));
        // a client's old value, pasted into the filter, finds the token, as the new one does
        enterWithoutKeys("name", "");
        enterWithoutKeys("token", oldValue);
        awaitNames(List.of(name));
        enterWithoutKeys("token", "");
        enterWithoutKeys("token", newValue);
        awaitNames(List.of(name));
        enterWithoutKeys("token", "");
        filter("name", name);
        awaitNames(List.of(name));
        assertEquals(200, me(oldValue), "the old value works in its grace");
        assertEquals(200, me(newValue));
        timePasses("name=" + encode(name) + "&oldValueUsedMinutesAgo=5");
        openTokens();
        filter("name", name);
        awaitNames(List.of(name));
        assertTrue(inRow(name, "token-grace-use").startsWith("old value last used 20"), inRow(name, "token-grace-use"));

        clickInRow(name, "end-grace");
        WebElement confirm = browser().find(END_GRACE_DIALOG);
        assertEquals("Stop the old value " + oldValue.substring(0, 8) + "… of “" + name + "” now? Clients that still"
                + " send it lose access at once; the new value keeps working.",
                browser().find(By.id("tokens-form:end-grace-question")).getText());
        List<WebElement> buttons = confirm.findElements(By.cssSelector(".ui-dialog-footer button"));
        assertEquals(List.of("Yes, Stop Old Value", "Cancel"), buttons.stream().map(WebElement::getText).toList());
        browser().click(By.id("tokens-form:end-grace-yes"));
        browser().waitUntil(ExpectedConditions.textToBe(PAGE_MESSAGES,
                "The old value of the API token “" + name + "” no longer works."));
        awaitNames(List.of(name));
        assertEquals("", inRow(name, "token-grace-tag"));
        assertEquals(401, me(oldValue), "refused on the very next request");
        assertEquals(200, me(newValue));

        // "None" stops the old value at once, and nothing is left to end
        clickInRow(name, "rotate");
        browser().find(ROTATE_DIALOG);
        browser().choose("tokens-form:rotate-grace", "None: the old value stops now");
        browser().click(By.id("tokens-form:rotate-yes"));
        String third = browser().find(By.id("one-time-form:one-time-value")).getAttribute("value");
        assertEquals("The API token “" + name + "” has a new value; the old one no longer works.",
                browser().find(PAGE_MESSAGES).getText());
        closeOneTimeDialog();
        awaitNames(List.of(name));
        assertEquals("", inRow(name, "token-grace-tag"));
        assertEquals(401, me(newValue));
        assertEquals(200, me(third));
    }

    @Test
    void showsATokensUsageAsAChartWithTotalsAndAddressesAndSortsByRequests() throws Exception {
        openTokens();
        String busy = "usage " + RUN + " busy";
        String idle = "usage " + RUN + " idle";
        String value = addToken(busy, "Read only", null);
        addToken(idle, "Read only", null);
        timePasses("name=" + encode(busy) + "&usageDaysAgo=3");
        for (int i = 0; i < 3; i++) {
            assertEquals(200, me(value));
        }
        assertEquals(403, HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
                + "api/settings/it.usage")).header("Authorization", "Bearer " + value).DELETE().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode(), "a read-only token's write: refused (level)");
        timePasses("flushed=1");

        openTokens();
        filter("name", "usage " + RUN);
        awaitNames(List.of(busy, idle));
        assertEquals("11", inRow(busy, "token-requests"), "5 + 2 three days ago, 3 + 1 today");
        assertEquals("0", inRow(idle, "token-requests"));
        sort("requests", "ascending");
        awaitNames(List.of(idle, busy));
        sort("requests", "descending");
        awaitNames(List.of(busy, idle));

        clickInRow(busy, "usage");
        browser().find(USAGE_DIALOG);
        assertEquals("Last 30 days of “" + busy + "” (UTC)", browser().find(By.cssSelector(".usage-title")).getText());
        assertEquals("8", browser().find(By.id("tokens-form:usage-served")).getText());
        assertEquals("3", browser().find(By.id("tokens-form:usage-refused")).getText());
        assertEquals("level too low 3 · address not allowed 0 · expired or old value 0",
                browser().find(By.id("tokens-form:usage-refused-why")).getText());
        String lastUse = browser().find(By.id("tokens-form:usage-last")).getText();
        assertTrue(lastUse.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC from .+"), lastUse);
        List<String> top = browser().texts(By.cssSelector("#usage-top li"));
        assertEquals(2, top.size(), top.toString());
        assertEquals("198.51.100.4 · 7", top.get(0));
        assertTrue(top.get(1).endsWith(" · 4"), top.toString());
        // the chart is drawn by Chart.js from the day counts: 30 days, today last
        @SuppressWarnings("unchecked")
        List<Object> chart = (List<Object>) ((JavascriptExecutor) browser().driver()).executeScript(
                "var c = Chart.getChart(document.querySelector(\"[id='tokens-form:usage-chart'] canvas\"));"
                + " return [c.data.labels.length, c.data.datasets[0].data, c.data.datasets[1].data];");
        assertEquals(30L, chart.get(0));
        List<Long> served = ((List<?>) chart.get(1)).stream().map(n -> ((Number) n).longValue()).toList();
        List<Long> refused = ((List<?>) chart.get(2)).stream().map(n -> ((Number) n).longValue()).toList();
        // by sums and values, not positions: a midnight (UTC) between the requests and the chart moves the days
        assertEquals(8L, served.stream().mapToLong(Long::longValue).sum());
        assertEquals(3L, refused.stream().mapToLong(Long::longValue).sum());
        assertTrue(served.contains(5L) && refused.contains(2L), served + " " + refused);
        assertTrue(served.get(29) > 0 || served.get(28) > 0, "today's requests at the end: " + served);
        browser().click(By.id("tokens-form:usage-close"));
        browser().waitUntil(ExpectedConditions.invisibilityOfElementLocated(USAGE_DIALOG));

        clickInRow(idle, "usage");
        browser().find(USAGE_DIALOG);
        browser().waitUntil(ExpectedConditions.textToBe(By.cssSelector(".usage-title"),
                "Last 30 days of “" + idle + "” (UTC)"));
        assertEquals("0", browser().find(By.id("tokens-form:usage-served")).getText());
        assertEquals("Never", browser().find(By.id("tokens-form:usage-last")).getText());
        assertTrue(browser().driver().findElement(By.cssSelector(".usage-addresses")).getText()
                .contains("No requests in these 30 days."));
    }

    @Test
    void specifiesItsOwnValueThroughTheEditButton() {
        openTokens();
        String name = "custom-value " + RUN;
        String own = "my-own-token-" + RUN + "-0123456789";
        browser().click(By.id("tokens-form:add"));
        browser().find(By.id("token-form:name")).sendKeys(name);
        browser().click(By.id("token-form:edit-value"));
        WebElement valueField = browser().find(By.id("token-form:value"));
        assertNull(valueField.getAttribute("readonly"));
        valueField.clear();
        valueField.sendKeys(own);
        browser().click(By.id("token-form:submit"));
        assertEquals(own, browser().find(By.id("one-time-form:one-time-value")).getAttribute("value"));
        closeOneTimeDialog();
        filter("token", own);
        awaitNames(List.of(name));
        assertEquals("my-o…", row(name).get(1));
    }

    @Test
    void deletesATokenThroughTheCrossAfterConfirming() {
        openTokens();
        String name = "delete-me " + RUN;
        addToken(name, "Read only", null);
        filter("name", name);
        awaitNames(List.of(name));

        browser().click(By.cssSelector("[id='tokens-form:tokens_data'] button[id$=':delete']"));
        WebElement confirm = browser().find(DELETE_DIALOG);
        assertEquals("Delete the API token “" + name + "”? Clients that use it lose access at once.",
                browser().find(By.id("tokens-form:delete-question")).getText());
        List<WebElement> buttons = confirm.findElements(By.cssSelector(".ui-dialog-footer button"));
        assertEquals(List.of("Yes, Delete API Token", "Cancel"), buttons.stream().map(WebElement::getText).toList());
        assertTrue(buttons.get(0).getRect().getX() < buttons.get(1).getRect().getX(), "Yes is not the left button");

        browser().click(By.id("tokens-form:confirm-no"));
        browser().waitUntil(ExpectedConditions.invisibilityOfElementLocated(DELETE_DIALOG));
        awaitNames(List.of(name));

        browser().click(By.cssSelector("[id='tokens-form:tokens_data'] button[id$=':delete']"));
        browser().click(By.id("tokens-form:confirm-yes"));
        browser().waitUntil(ExpectedConditions.textToBe(PAGE_MESSAGES, "The API token “" + name + "” was deleted."));
        awaitEmpty("No API tokens match these filters.");
        browser().open(base + "settings/core/api-tokens");
        filter("name", name);
        awaitEmpty("No API tokens match these filters.");
    }

    @Test
    void badInputGetsAMessageAtTheFieldAndSavesNothing() {
        openTokens();
        String taken = "taken " + RUN;
        String takenValue = addToken(taken, "Read only", null);
        String fresh = "fresh " + RUN;

        browser().click(By.id("tokens-form:add"));
        submitExpecting("name", "Enter a name for the token.");
        type("token-form:name", "   ");
        submitExpecting("name", "Enter a name for the token.");
        type("token-form:name", "x".repeat(101));
        submitExpecting("name", "A name may be at most 100 characters long.");
        type("token-form:name", taken.toUpperCase(Locale.ROOT));
        submitExpecting("name", "An API token with this name already exists.");

        type("token-form:name", fresh);
        typeExpiry("2020-01-01");
        submitExpecting("expiresAt", "The expiry must be in the future.");
        typeExpiry("");

        browser().click(By.id("token-form:edit-value"));
        type("token-form:value", "short");
        submitExpecting("value", "A token must be 20 to 200 characters long.");
        type("token-form:value", "x".repeat(201));
        submitExpecting("value", "A token must be 20 to 200 characters long.");
        type("token-form:value", "has spaces in it " + RUN + "0123");
        submitExpecting("value", "A token may contain only visible ASCII characters, no spaces.");
        type("token-form:value", "tlg_" + "A".repeat(38));
        submitExpecting("value", "A token that starts with \"tlg_\" must be one that Tollgate generated.");
        type("token-form:value", takenValue);
        submitExpecting("value", "That token value is already in use; choose another.");

        browser().click(By.id("token-form:cancel"));
        browser().waitUntil(ExpectedConditions.invisibilityOfElementLocated(TOKEN_DIALOG));
        filter("name", fresh);
        awaitEmpty("No API tokens match these filters.");
        filter("name", taken);
        awaitNames(List.of(taken));
    }

    /**
     * Hostile names and values in the token form: each gets its message at the field, and none of them saves a
     * thing. They go in through the DOM, as a forged client sends them (a NUL or a 10,000-character value cannot be
     * typed). Every name carries the tag, so that the table shows afterwards what, if anything, was saved.
     */
    @Test
    void hostileNamesAndValuesGetAMessageAtTheFieldAndSaveNothing() {
        openTokens();
        String tag = "hst" + RUN;
        String taken = tag + " taken";
        String takenValue = addToken(taken, "Read only", null);
        String tooLong = "A name may be at most 100 characters long.";
        String unprintable = "A name may not contain control characters, line breaks or text-direction marks.";
        Map<String, String> names = new LinkedHashMap<>();
        names.put("", "Enter a name for the token.");
        names.put(" \t \u00A0 ", "Enter a name for the token.");
        names.put(tag + "x".repeat(100), tooLong);
        names.put(tag + "y".repeat(10_000), tooLong);
        names.put(tag + " nul\u0000", unprintable);
        names.put(tag + " bell\u0007", unprintable);
        names.put(tag + " esc\u001b[31m", unprintable);
        names.put(tag + " tab\tinside", unprintable);
        names.put(tag + " nel\u0085", unprintable);
        names.put(tag + " line\u2028separator", unprintable);
        names.put("\u202Egnp.exe " + tag, unprintable);
        names.put(tag + " \u2066isolate\u2069", unprintable);
        names.put(tag + " mark\u200F", unprintable);
        names.put("\uFEFF" + tag + " bom", unprintable);
        names.put(tag + " del\u007F", unprintable);
        names.put(taken.toUpperCase(Locale.ROOT), "An API token with this name already exists.");
        names.put("   " + taken + "   ", "An API token with this name already exists.");

        // (No line feeds here: a text field drops them from its value itself; ApiTokenTest covers them.)
        browser().click(By.id("tokens-form:add"));
        for (var name : names.entrySet()) {
            setThroughTheDom("token-form:name", name.getKey());
            submitExpectingAgain("name", name.getValue(), name.getKey());
        }

        String valueLength = "A token must be 20 to 200 characters long.";
        String visibleAscii = "A token may contain only visible ASCII characters, no spaces.";
        Map<String, String> values = new LinkedHashMap<>();
        values.put("short", valueLength);
        values.put("v".repeat(201), valueLength);
        values.put("w".repeat(10_000), valueLength);
        values.put("nul-inside-\u0000-0123456789", visibleAscii);
        values.put("tab-inside-\t-0123456789", visibleAscii);
        values.put(" leading-space-0123456789", visibleAscii);
        values.put("trailing-space-0123456789 ", visibleAscii);
        values.put("\u202Ebidi-override-0123456789", visibleAscii);
        values.put("ümlaut-value-0123456789", visibleAscii);
        values.put("🔑".repeat(12), visibleAscii);
        values.put("tlg_" + "B".repeat(38), "A token that starts with \"tlg_\" must be one that Tollgate generated.");
        values.put("helpdesk:key-0123456789", "A token may not contain \":\" (HTTP Basic authentication could not"
                + " carry it).");
        values.put("abababababababababababab", "A token needs at least 8 different characters; this one is too easy"
                + " to guess.");
        values.put(takenValue, "That token value is already in use; choose another.");
        setThroughTheDom("token-form:name", tag + " fresh");
        browser().click(By.id("token-form:edit-value"));
        for (var value : values.entrySet()) {
            setThroughTheDom("token-form:value", value.getKey());
            submitExpectingAgain("value", value.getValue(), value.getKey());
        }
        browser().click(By.id("token-form:cancel"));
        browser().waitUntil(ExpectedConditions.invisibilityOfElementLocated(TOKEN_DIALOG));

        // right-to-left text and surrounding spaces are fine: saved trimmed, shown as they are
        String friendly = tag + " שלום";
        addNamedThroughTheDom("  " + friendly + "  ");

        // exactly these two
        filter("name", tag);
        awaitRows(name -> name.equals(friendly) || name.equals(taken), List.of(friendly, taken), List.of());
    }

    /**
     * An emoji, a character beyond U+FFFF, is fine in a name too. Mojarra 4.0.9, the Faces of GlassFish 7.0.21,
     * drops such characters from every AJAX update, the table's included (eclipse-ee4j/mojarra#5562, fixed in
     * 4.0.10); the database keeps them. A server bug the WAR cannot mend: the glassfish profile leaves this tag out.
     */
    @Test
    @Tag("supplementary-characters")
    void anEmojiInANameIsSavedAndShownAsTyped() {
        openTokens();
        String tag = "emo" + RUN;
        String friendly = "🔑 " + tag + " שלום";
        addNamedThroughTheDom("  " + friendly + "  ");
        filter("name", tag);
        awaitNames(List.of(friendly));
    }

    private void addNamedThroughTheDom(String name) {
        browser().click(By.id("tokens-form:add"));
        setThroughTheDom("token-form:name", name);
        browser().click(By.id("token-form:submit"));
        browser().find(By.id("one-time-form:one-time-value"));
        closeOneTimeDialog();
    }

    /** A forged view state and a double submit: a clear message, and no token, or exactly one. */
    @Test
    void aForgedViewStateOrADoubleSubmitSavesNothingTwice() {
        openTokens();
        String forged = "forged-state " + RUN;
        browser().click(By.id("tokens-form:add"));
        browser().find(By.id("token-form:name")).sendKeys(forged);
        ((JavascriptExecutor) browser().driver()).executeScript("document.querySelectorAll("
                + "\"input[name='jakarta.faces.ViewState']\").forEach(function (s) { s.value = 'forged:1234'; });");
        browser().click(By.id("token-form:submit"));
        browser().waitUntil(d -> d.findElements(By.cssSelector("#session-expired, #request-failed")).stream()
                .anyMatch(WebElement::isDisplayed));

        String twice = "double-submit " + RUN;
        openTokens();
        browser().click(By.id("tokens-form:add"));
        browser().find(By.id("token-form:name")).sendKeys(twice);
        ((JavascriptExecutor) browser().driver()).executeScript(
                "var b = document.getElementById('token-form:submit'); b.click(); b.click();");
        browser().waitForAjax();
        browser().find(By.id("one-time-form:one-time-value"));
        closeOneTimeDialog();

        openTokens();
        filter("name", RUN);
        browser().waitForAjax();
        List<String> shown = names();
        assertFalse(shown.contains(forged), "the forged post saved its token");
        assertEquals(1, shown.stream().filter(twice::equals).count(), shown.toString());
    }

    @Test
    void namesWithHtmlAreShownLiterally() {
        openTokens();
        String name = "<b>bold</b><script>window.tollgateInjected = true;</script> " + RUN;
        browser().click(By.id("tokens-form:add"));
        browser().find(By.id("token-form:name")).sendKeys(name);
        browser().click(By.id("token-form:submit"));
        assertTrue(browser().find(ONE_TIME_DIALOG).getText().contains("“" + name + "”"));
        closeOneTimeDialog();
        assertEquals("The API token “" + name + "” was created.", browser().find(PAGE_MESSAGES).getText());
        filter("name", name);
        awaitNames(List.of(name));
        assertEquals(Boolean.FALSE,
                ((JavascriptExecutor) browser().driver()).executeScript("return window.tollgateInjected === true;"));
        assertTrue(browser().driver().findElements(By.cssSelector("[id='tokens-form:tokens_data'] b")).isEmpty());
    }

    @Test
    void staleEditsAndGoneTokensGetClearMessages() {
        openTokens();
        String tag = "race" + RUN;
        String contested = tag + " contested";
        String vanished = tag + " vanished";
        addToken(contested, "Read only", null);
        addToken(vanished, "Read only", null);
        String first = browser().driver().getWindowHandle();
        filter("name", tag);
        awaitNames(List.of(contested, vanished));
        clickInRow(contested, "edit");
        type("token-form:name", contested + " (first admin)");

        String second = openSecondAdminsTab();
        filter("name", tag);
        awaitNames(List.of(contested, vanished));
        clickInRow(contested, "edit");
        chooseLevel("Read and write");
        browser().click(By.id("token-form:submit"));
        browser().waitUntil(ExpectedConditions.textToBe(PAGE_MESSAGES, "The API token “" + contested + "” was saved."));

        browser().driver().switchTo().window(first);
        browser().click(By.id("token-form:submit"));
        assertEquals(CHANGED_MEANWHILE, browser().find(By.id("token-form:form-messages")).getText());
        assertTrue(browser().find(TOKEN_DIALOG).isDisplayed());
        browser().click(By.id("token-form:cancel"));
        browser().waitUntil(ExpectedConditions.invisibilityOfElementLocated(TOKEN_DIALOG));
        browser().driver().switchTo().window(second);
        deleteInRow(vanished);
        browser().driver().switchTo().window(first);
        assertEquals(List.of(contested, vanished), names());
        clickInRow(vanished, "edit");
        browser().waitUntil(ExpectedConditions.textToBe(PAGE_MESSAGES, GONE));
        assertFalse(browser().driver().findElement(TOKEN_DIALOG).isDisplayed());
        clickInRow(vanished, "delete");
        browser().waitUntil(ExpectedConditions.textToBe(PAGE_MESSAGES, GONE));
        assertFalse(browser().driver().findElement(DELETE_DIALOG).isDisplayed());

        clickInRow(contested, "delete");
        browser().find(By.id("tokens-form:confirm-yes"));
        browser().driver().switchTo().window(second);
        deleteInRow(contested);
        browser().driver().close();
        browser().driver().switchTo().window(first);
        browser().click(By.id("tokens-form:confirm-yes"));
        browser().waitUntil(ExpectedConditions.textToBe(PAGE_MESSAGES, GONE));
        awaitEmpty("No API tokens match these filters.");
    }

    // --- steps -------------------------------------------------------------------------------------------------

    /** The status of {@code GET /api/me} with this token value. */
    private int me(String value) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "api/me"))
                .header("Authorization", "Bearer " + value).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private void openTokens() {
        browser().open(base + "settings/core/api-tokens");
        browser().find(By.id("tokens-form:tokens"));
    }

    /** Adds a token through the form and returns the value shown once. */
    private String addToken(String name, String level, String expires) {
        browser().click(By.id("tokens-form:add"));
        browser().find(By.id("token-form:name")).sendKeys(name);
        chooseLevel(level);
        if (expires != null) {
            typeExpiry(expires);
        }
        browser().click(By.id("token-form:submit"));
        String value = browser().find(By.id("one-time-form:one-time-value")).getAttribute("value");
        closeOneTimeDialog();
        return value;
    }

    private String openSecondAdminsTab() {
        browser().driver().switchTo().newWindow(WindowType.TAB);
        openTokens();
        return browser().driver().getWindowHandle();
    }

    private void clickInRow(String name, String button) {
        browser().click(By.xpath("//tbody[@id='tokens-form:tokens_data']/tr[td[1][normalize-space()='" + name
                + "']]//button[contains(@id, ':" + button + "')]"));
    }

    private void deleteInRow(String name) {
        clickInRow(name, "delete");
        browser().click(By.id("tokens-form:confirm-yes"));
        browser().waitUntil(ExpectedConditions.textToBe(PAGE_MESSAGES, "The API token “" + name + "” was deleted."));
    }

    private void closeOneTimeDialog() {
        browser().click(By.id("one-time-form:done"));
        browser().waitUntil(ExpectedConditions.invisibilityOfElementLocated(ONE_TIME_DIALOG));
        browser().waitForAjax();
    }

    private void chooseLevel(String label) {
        browser().click(By.xpath("//*[@id='token-form:accessLevel']//label[normalize-space()='" + label + "']"));
    }

    private void typeExpiry(String date) {
        type("token-form:expiresAt_input", date);
    }

    private void type(String id, String text) {
        WebElement field = browser().find(By.id(id));
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        field.sendKeys(text);
    }

    /** Sets a field's value as a forged client would: straight into the DOM, whatever it holds. */
    private void setThroughTheDom(String id, String value) {
        ((JavascriptExecutor) browser().driver()).executeScript(
                "arguments[0].value = arguments[1];", browser().find(By.id(id)), value);
    }

    /**
     * Like {@link #submitExpecting}, also when the field shows that very message already: the message is blanked
     * first, so that only the answer to this submit can bring it back.
     */
    private void submitExpectingAgain(String field, String message, String input) {
        ((JavascriptExecutor) browser().driver()).executeScript("var m = document.getElementById(arguments[0]);"
                + " if (m) { m.textContent = ''; }", "token-form:" + field + "-message");
        try {
            submitExpecting(field, message);
        } catch (TimeoutException | AssertionError e) {
            String shown = input.length() > 60 ? input.substring(0, 60) + "..." : input;
            throw new AssertionError(field + " " + shown.codePoints().mapToObj(c -> c < 0x20 || c > 0x7e
                    ? String.format("\\u%04X", c) : Character.toString(c)).collect(Collectors.joining()), e);
        }
    }

    /** Submits the form and expects it to stay open with this message at the field, which is marked invalid. */
    private void submitExpecting(String field, String message) {
        browser().click(By.id("token-form:submit"));
        browser().waitUntil(ExpectedConditions.textToBe(By.id("token-form:" + field + "-message"), message));
        assertTrue(browser().find(TOKEN_DIALOG).isDisplayed(), "the form closed");
        String id = "token-form:" + field;
        By marked = By.cssSelector("[id='" + id + "'].ui-state-error, [id='" + id + "_input'].ui-state-error");
        assertFalse(browser().driver().findElements(marked).isEmpty(), field + " is not marked invalid");
    }

    // --- the table ---------------------------------------------------------------------------------------------

    private static By filterField(String column) {
        return By.cssSelector("th[id='tokens-form:tokens:" + column + "'] input.ui-column-filter");
    }

    private void showFilters() {
        if (!browser().find(By.id("tokens-panel")).getAttribute("class").contains("filters-shown")) {
            browser().click(By.id("tokens-form:filter-results"));
        }
    }

    /** Types into a column's filter the way an admin does: no submit, the table follows as they type. */
    private void filter(String column, String text) {
        showFilters();
        WebElement field = browser().find(filterField(column));
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        field.sendKeys(text);
        browser().waitUntil(d -> text.equals(d.findElement(filterField(column)).getAttribute("value")));
    }

    /** Sets a filter's value as a mouse paste or an autofill does: the value changes and "input" fires, no key. */
    private void enterWithoutKeys(String column, String text) {
        showFilters();
        WebElement field = browser().find(filterField(column));
        ((JavascriptExecutor) browser().driver()).executeScript("arguments[0].value = arguments[1];"
                + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", field, text);
        browser().waitForAjax();
    }

    private void chooseExpiryFilter(String label) {
        showFilters();
        browser().choose("tokens-form:tokens:expiry-filter", label);
    }

    /** The text of the element with this class in the row of this name, or "" if it has none. */
    private String inRow(String name, String styleClass) {
        List<String> texts = browser().texts(By.xpath("//tbody[@id='tokens-form:tokens_data']/tr[td[1]"
                + "[normalize-space()='" + name + "']]//*[contains(concat(' ', @class, ' '), ' " + styleClass
                + " ')]"));
        return String.join(" ", texts).strip();
    }

    /** Lets days pass for a token, in the database (TimePassedFixture), then comes back to the tokens. */
    private void timePasses(String query) {
        browser().open(base + "test/time-passed?" + query);
        assertEquals("1", browser().find(By.tagName("body")).getText().strip(), query);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private void chooseAddressFilter(String label) {
        showFilters();
        browser().choose("tokens-form:tokens:addresses-filter", label);
    }

    private static String rowOf(String name) {
        return "//tbody[@id='tokens-form:tokens_data']/tr[td[1][normalize-space()='" + name + "']]";
    }

    private void chooseLevelFilter(String label) {
        showFilters();
        browser().choose("tokens-form:tokens:level-filter", label);
    }

    private void sort(String column, String expectedState) {
        browser().click(By.cssSelector("th[id='tokens-form:tokens:" + column + "'] .ui-sortable-column-icon"));
        browser().waitUntil(d -> expectedState.equals(sortState(column)));
    }

    private String sortState(String column) {
        return browser().driver().findElement(By.id("tokens-form:tokens:" + column)).getAttribute("aria-sort");
    }

    private List<String> names() {
        return browser().texts(ROW_NAMES);
    }

    private List<String> levels() {
        return browser().texts(By.cssSelector("[id='tokens-form:tokens_data'] .token-level"));
    }

    /** Waits until the table shows exactly these names in this order; on timeout, fails with what it shows. */
    private void awaitNames(List<String> expected) {
        try {
            browser().waitUntil(d -> names().equals(expected));
        } catch (TimeoutException e) {
            assertEquals(expected, names());
        }
    }

    /** Waits until every row matches and the expected names are among them. */
    private void awaitRowsMatching(Predicate<String> rule, String... expected) {
        awaitRows(rule, List.of(expected), List.of());
    }

    /**
     * Waits for the whole state a filter should lead to: every row matches, the expected names are among them and
     * the excluded ones are not. A rule that the previous rows also meet would pass before the filter lands; the
     * excluded names are what tells the two states apart. On timeout, fails with what the table shows.
     */
    private void awaitRows(Predicate<String> rule, List<String> expected, List<String> excluded) {
        try {
            browser().waitUntil(d -> {
                List<String> names = names();
                return names.containsAll(expected) && names.stream().allMatch(rule)
                        && names.stream().noneMatch(excluded::contains);
            });
        } catch (TimeoutException e) {
            assertEquals("rows with " + expected + ", without " + excluded, "rows " + names());
        }
    }

    private void awaitEmpty(String message) {
        browser().waitUntil(ExpectedConditions.textToBe(EMPTY, message));
    }

    private List<String> row(String name) {
        return browser().waitUntil(d -> d.findElements(ROWS).stream()
                .map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
                .filter(cells -> !cells.isEmpty() && cells.get(0).equals(name))
                .findFirst().orElse(null));
    }

    private List<String> rowsSortedByHint() {
        List<List<String>> rows = new ArrayList<>();
        for (String name : names()) {
            rows.add(row(name));
        }
        return rows.stream().sorted(Comparator.comparing(cells -> cells.get(1))).map(cells -> cells.get(0)).toList();
    }

    private static List<String> reversed(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    private String href(String menuItemId) {
        return browser().driver().findElement(By.id(menuItemId)).getAttribute("href");
    }
}
