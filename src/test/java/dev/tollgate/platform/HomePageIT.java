package dev.tollgate.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import dev.tollgate.test.Browser;
import dev.tollgate.test.Deployments;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HomePageIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.tollgate();
    }

    @ArquillianResource
    URL base;

    static Browser browser;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void homeIsServedByFacesAndPrimeFaces() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, response.statusCode(), "the home page needs a signed-in admin");
        HttpResponse<String> signIn = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base + "sign-in")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, signIn.statusCode());
        assertTrue(signIn.body().contains("ln=primefaces"), signIn.body());
    }

    @Test
    void browserShowsTheHomePage() {
        browser.signIn(base.toString());
        browser.open(base.toString());
        assertEquals("Tollgate", browser.driver().getTitle());
        assertTrue(browser.find(By.id("welcome")).getText().contains("API tokens"));
    }
}
