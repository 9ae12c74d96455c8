package dev.tollgate.api;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies over {@value #MAX_BYTES} bytes (413), by their declared length or, for chunked bodies, as
 * soon as that much has been read: a resource never parses an oversized body into memory. The largest legitimate
 * body, a 4,000-character setting written entirely in JSON escapes, is about 24 KB.
 */
@Provider
public class BodyLimit implements ReaderInterceptor {

    static final int MAX_BYTES = 64 * 1024;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        String declared = context.getHeaders().getFirst(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && declared.strip().matches("\\d{1,18}") && Long.parseLong(declared.strip()) > MAX_BYTES) {
            throw new BodyTooLargeException();
        }
        context.setInputStream(new Limited(context.getInputStream()));
        try {
            return context.proceed();
        } catch (JsonbException | JsonException unreadable) {
            // Jersey and RESTEasy on WildFly hand a JSON-B reader's failure on as a ProcessingException; Open Liberty's
            // JSON-B provider throws it as it is. Wrapped here, around every body read, ProblemMapper answers 400
            // for a body that is not the JSON a resource takes on every server, and never mistakes one for a bug.
            throw new ProcessingException(unreadable);
        }
    }

    private static final class Limited extends FilterInputStream {

        private long read;

        Limited(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > MAX_BYTES) {
                throw new BodyTooLargeException();
            }
        }
    }
}
