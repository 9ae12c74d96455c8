package dev.tollgate.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void dropsControlCharactersAndTrims() {
        assertEquals("ab", SearchText.clean("a\u0000b"));
        assertEquals("for", SearchText.clean("  f\to\nr \u0007"));
        assertEquals("50% _off_ \\", SearchText.clean("50% _off_ \\"));
        assertEquals("🔑", SearchText.clean("🔑"));
        assertNull(SearchText.clean(" \u0000 "));
        assertNull(SearchText.clean(null));
    }
}
