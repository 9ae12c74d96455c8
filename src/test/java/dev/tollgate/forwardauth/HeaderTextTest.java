package dev.tollgate.forwardauth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class HeaderTextTest {

    @Test
    void plainAsciiNamesArriveAsTheyAre() {
        assertEquals("CI deploy bot (prod) #2", HeaderText.encode("CI deploy bot (prod) #2"));
    }

    @Test
    void everyOtherByteAndThePercentSignArePercentEncodedUtf8() {
        assertEquals("caf%C3%A9 100%25", HeaderText.encode("café 100%"));
        assertEquals("%F0%9F%94%91 %D7%A9%D7%9C%D7%95%D7%9D", HeaderText.encode("🔑 שלום"));
        assertEquals("a%0D%0AX-Injected: 1", HeaderText.encode("a\r\nX-Injected: 1"));
    }

    @Test
    void aBackendGetsTheNameBackByDecodingAUriComponent() {
        for (String name : List.of("café 100%", "🔑 שלום", "a+b", "tab\there")) {
            String encoded = HeaderText.encode(name);
            assertEquals(name, URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8), encoded);
        }
    }
}
