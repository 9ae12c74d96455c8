package dev.tollgate.api;

import static dev.tollgate.token.AccessLevel.READ_AND_WRITE;
import static dev.tollgate.token.AccessLevel.READ_ONLY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.tollgate.token.AccessLevel;

class MethodLevelsTest {

    private static RequiresLevel declared(AccessLevel level) {
        return new RequiresLevel() {
            @Override
            public AccessLevel value() {
                return level;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return RequiresLevel.class;
            }
        };
    }

    @Test
    void readsNeedReadOnlyAndWritesReadAndWrite() {
        for (String read : List.of("GET", "HEAD", "OPTIONS")) {
            assertEquals(Optional.of(READ_ONLY), MethodLevels.required(read, null), read);
        }
        for (String write : List.of("POST", "PUT", "PATCH", "DELETE")) {
            assertEquals(Optional.of(READ_AND_WRITE), MethodLevels.required(write, null), write);
        }
    }

    @Test
    void theAnnotationWinsOverTheMethodDefault() {
        assertEquals(Optional.of(READ_ONLY), MethodLevels.required("POST", declared(READ_ONLY)));
        assertEquals(Optional.of(READ_AND_WRITE), MethodLevels.required("GET", declared(READ_AND_WRITE)));
    }

    @Test
    void otherMethodsAreNeverAcceptedEvenWithTheAnnotation() {
        for (String other : List.of("TRACE", "CONNECT", "PROPFIND", "BREW", "get", "")) {
            assertTrue(MethodLevels.required(other, null).isEmpty(), other);
            assertTrue(MethodLevels.required(other, declared(READ_ONLY)).isEmpty(), other);
        }
        assertEquals("GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE", MethodLevels.ALLOWED);
    }
}
