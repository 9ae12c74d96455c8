package dev.tollgate.test;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium for one test class, driven by Debian's chromedriver: nothing is downloaded.
 *
 * <p>Waits are on conditions (the PrimeFaces AJAX queue, an element's state), never on time. Without Chromium the
 * test fails under CI ({@code CI=true}) and is skipped, loudly, on a developer machine.
 */
public final class Browser implements AutoCloseable {

    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(25);
    /** The first admin of every test database: arquillian.xml sets tollgate.admin.password to this. */
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "tollgate-test-admin-password";

    private final WebDriver driver;
    private final Path profile;

    private Browser(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * Chromium resolves no name but this machine's: even with background networking off it looks up its search
     * engine's and Google's update hosts at start (DNS queries that leave the machine). The servers under test are
     * reached by localhost or by an address of this machine, which stay as they are.
     */
    static String onlyThisMachine() {
        List<String> rules = new ArrayList<>(List.of("MAP * ~NOTFOUND", "EXCLUDE localhost"));
        // The machine's name too, in case a server reports its URL by it; read, not resolved (that would be a query).
        Path hostname = Path.of("/proc/sys/kernel/hostname");
        try {
            if (Files.isReadable(hostname)) {
                rules.add("EXCLUDE " + Files.readString(hostname).strip());
            }
            for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress address : Collections.list(network.getInetAddresses())) {
                    String text = address.getHostAddress();
                    int scope = text.indexOf('%');
                    text = scope < 0 ? text : text.substring(0, scope);
                    rules.add("EXCLUDE " + (address instanceof Inet6Address ? "[" + text + "]" : text));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return String.join(", ", rules);
    }

    public static Browser start() {
        requireChromium();
        try {
            Path scratch = Path.of(System.getProperty("tollgate.it.dir", "target"));
            Path profile = Files.createTempDirectory(scratch, "chromium-");
            Path driverHome = Files.createDirectories(scratch.resolve("chromedriver-home"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER))
                    .usingAnyFreePort()
                    .withEnvironment(Map.of("HOME", driverHome.toString()))
                    .build();
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-quic", "--window-size=1400,1000",
                    "--host-resolver-rules=" + onlyThisMachine(),
                    "--user-data-dir=" + profile.toAbsolutePath());
            // the console messages, where Chromium reports what the Content-Security-Policy blocked
            options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
            return new Browser(new ChromeDriver(service, options), profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireChromium() {
        boolean present = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (present) {
            return;
        }
        String message = "Browser tests need Debian's chromium and chromium-driver "
                + "(apt-get install chromium chromium-driver): " + CHROMIUM + " or " + CHROMEDRIVER + " is missing.";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message);
        }
        System.err.println("\n*** SKIPPING BROWSER TESTS *** " + message + "\n");
        Assumptions.abort(message);
    }

    public WebDriver driver() {
        return driver;
    }

    /**
     * What the page's Content-Security-Policy blocked since the last call, as Chromium reported it on the console
     * (a script, a style, an eval, a frame). Reading the log empties it.
     */
    public List<String> policyViolations() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy")).toList();
    }

    public void open(String url) {
        driver.get(url);
        waitForAjax();
    }

    public WebElement find(By by) {
        return waitUntil(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Signs in as the test admin; {@code baseUrl} is the application's root, as Arquillian gives it. */
    public void signIn(String baseUrl) {
        signIn(baseUrl, ADMIN, ADMIN_PASSWORD);
    }

    /** Signs in on the sign-in page and waits until the browser has left it. */
    public void signIn(String baseUrl, String username, String password) {
        open(baseUrl.replaceAll("/*$", "/") + "sign-in");
        submitSignIn(username, password);
        waitUntil(d -> !d.getCurrentUrl().contains("/sign-in"));
        waitForAjax();
    }

    /** Fills in and submits the sign-in form that is on screen, and waits for the next page. */
    public void submitSignIn(String username, String password) {
        WebElement name = find(By.id("signInForm:username"));
        name.clear();
        name.sendKeys(username);
        WebElement secret = find(By.id("signInForm:password"));
        secret.clear();
        secret.sendKeys(password);
        // A mark on the current document: it is gone once the browser shows the page the form post led to.
        ((JavascriptExecutor) driver).executeScript("window.tollgateBeforeSignIn = true;");
        find(By.id("signInForm:submit")).click();
        waitUntil(d -> ((JavascriptExecutor) d).executeScript("return window.tollgateBeforeSignIn === undefined"
                + " && document.readyState === 'complete'"));
        waitForAjax();
    }

    /** Clicks an element once it is visible and waits for the AJAX request it starts, if any. */
    public void click(By by) {
        waitUntil(ExpectedConditions.elementToBeClickable(by)).click();
        waitForAjax();
    }

    /**
     * Chooses an item of a PrimeFaces select menu as a user does: opens the menu, waits until its panel has finished
     * opening, clicks the item with that label and waits until the menu shows it as chosen.
     *
     * <p>PrimeFaces 15 opens the panel with a CSS transition (classes {@code ui-connected-overlay-enter} and
     * {@code -enter-active} until {@code transitionend}), not a jQuery animation: while the panel still scales in, a
     * click at an item's centre can land on the item next to it, or on nothing, and then no change event (and no
     * filter request) happens at all. So the wait is on those classes being gone, and the result is checked.
     */
    public void choose(String menuId, String label) {
        waitUntil(ExpectedConditions.elementToBeClickable(By.id(menuId))).click();
        String panel = menuId + "_panel";
        waitUntil(d -> (Boolean) ((JavascriptExecutor) d).executeScript("var p = jQuery(document.getElementById("
                + "arguments[0])); return p.is(':visible') && !p.hasClass('ui-connected-overlay-enter')"
                + " && !p.hasClass('ui-connected-overlay-enter-active');", panel));
        click(By.cssSelector("[id='" + panel + "'] li[data-label='" + label + "']"));
        waitUntil(d -> label.equals(d.findElement(By.id(menuId + "_label")).getText()));
        waitForAjax();
    }

    /** The texts of all elements found, in page order; AJAX that replaces them meanwhile makes it look again. */
    public List<String> texts(By by) {
        waitForAjax();
        return waitUntil(d -> d.findElements(by).stream().map(WebElement::getText).toList());
    }

    /**
     * Waits until PrimeFaces has no AJAX request pending, queued or running, and jQuery is idle.
     *
     * <p>"Pending" matters for the tables' filters: typing (or pasting) into one starts a {@code filterDelay} timer
     * ({@code PrimeFaces.debounceTimer}), and only when it fires is the request queued. Until then the queue is empty
     * and the table still shows the rows of the previous filter.
     */
    public void waitForAjax() {
        waitUntil(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete'"
                        + " && (!window.PrimeFaces || (PrimeFaces.ajax.Queue.isEmpty() && !PrimeFaces.debounceTimer))"
                        + " && (!window.jQuery || jQuery.active === 0);"));
    }

    /**
     * Waits for a condition, treating an element that AJAX replaced meanwhile as "not yet". It looks again every
     * 25 ms rather than Selenium's default 500 ms: most waits are over within a few milliseconds of the first look
     * (an AJAX answer on loopback), and the suite waits thousands of times.
     */
    public <T> T waitUntil(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, TIMEOUT, POLL)
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException ignored) {
            // a leftover profile under target/ is harmless; mvn clean removes it
        }
    }
}
