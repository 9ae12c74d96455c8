package dev.tollgate.headers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResponseHeadersTest {

    @Test
    void hstsIsOffUnlessAMaxAgeIsConfigured() {
        assertNull(ResponseHeaders.strictTransportSecurity(null));
        assertNull(ResponseHeaders.strictTransportSecurity(" "));
        assertNull(ResponseHeaders.strictTransportSecurity("0"));
        assertEquals("max-age=31536000", ResponseHeaders.strictTransportSecurity(" 31536000 "));
    }

    @Test
    void anHstsValueThatIsNotSecondsStopsTheStartWithTheReason() {
        for (String wrong : new String[] {"true", "1y", "-1", "max-age=3600", "9999999999"}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> ResponseHeaders.strictTransportSecurity(wrong), wrong);
            assertTrue(refused.getMessage().contains("tollgate.http.hsts"), refused.getMessage());
        }
    }
}
