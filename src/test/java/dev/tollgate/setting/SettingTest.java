package dev.tollgate.setting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class SettingTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void keysAreShortLowerCaseAndUrlSafe() {
        for (String good : List.of("a", "site.name", "mail_from-2", "k".repeat(100), "...", "-")) {
            assertEquals(good, Setting.requireValidKey(good));
        }
        for (String bad : new String[] {null, "", "Site", "a b", "a/b", "é", "k".repeat(101), "a:b", "a\nb"}) {
            assertEquals("key", assertThrows(InvalidSettingException.class, () -> Setting.requireValidKey(bad))
                    .field(), String.valueOf(bad));
        }
    }

    @Test
    void valuesAreTextUpToFourThousandCharacters() {
        Setting setting = new Setting("k", "", NOW);
        assertEquals("", setting.getValue());
        setting.change("line 1\r\n\tline 2 ✓", NOW.plusSeconds(1));
        assertEquals(NOW.plusSeconds(1), setting.getUpdatedAt());
        assertEquals(NOW, setting.getCreatedAt());
        setting.change("x".repeat(Setting.VALUE_MAX), NOW);

        assertThrows(SettingTooLargeException.class, () -> setting.change("x".repeat(Setting.VALUE_MAX + 1), NOW));
        assertThrows(InvalidSettingException.class, () -> setting.change(null, NOW));
        assertThrows(InvalidSettingException.class, () -> setting.change("nul\u0000", NOW));
        assertThrows(InvalidSettingException.class, () -> setting.change("bell\u0007", NOW));
        assertEquals("x".repeat(Setting.VALUE_MAX), setting.getValue());
    }
}
