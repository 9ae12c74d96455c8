package dev.tollgate.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretFieldTest {

    @Test
    void aNewTokensGeneratedValueIsReadOnlyUntilEdited() {
        SecretField field = SecretField.generated("tlg_generated");
        assertEquals("tlg_generated", field.getValue());
        assertFalse(field.isEditable());
        field.edit();
        assertTrue(field.isEditable());
        assertEquals("tlg_generated", field.getValue());
        field.setValue("my-own-value-0123456789");
        assertEquals("my-own-value-0123456789", field.newValue());
        assertFalse(field.isReplacing());
    }

    @Test
    void anExistingTokenShowsItsHintAndKeepsItsValueUnlessReplaced() {
        SecretField field = SecretField.current("tlg_AbCd");
        assertEquals("tlg_AbCd…", field.getValue());
        assertNull(field.newValue());
        field.edit();
        assertEquals("", field.getValue());
        assertTrue(field.isReplacing());
        field.replace("tlg_regenerated");
        assertFalse(field.isEditable());
        assertEquals("tlg_regenerated", field.newValue());
        field.keepCurrent();
        assertNull(field.newValue());
        assertEquals("tlg_AbCd…", field.getValue());
        assertFalse(field.isReplacing());
    }
}
