package dev.tollgate.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

import org.junit.jupiter.api.Test;

class ConstraintsTest {

    @Test
    void aRefusedConnectionDeepInTheCauseChainIsAnUnreachableDatabase() {
        SQLException refused = new SQLException("Connection to 127.0.0.1:5432 refused", "08001");
        RuntimeException wrapped = new RuntimeException("persistence", new SQLException("pool", null, refused));
        assertTrue(Constraints.databaseUnreachable(wrapped));
        assertFalse(Constraints.violated(wrapped));
    }

    @Test
    void aConstraintViolationIsNotAnUnreachableDatabase() {
        RuntimeException clash = new RuntimeException(new SQLIntegrityConstraintViolationException("dup", "23505"));
        assertTrue(Constraints.violated(clash));
        assertFalse(Constraints.databaseUnreachable(clash));
        assertFalse(Constraints.databaseUnreachable(new IllegalStateException("no SQL at all")));
    }
}
