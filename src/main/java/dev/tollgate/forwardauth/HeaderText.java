package dev.tollgate.forwardauth;

import java.nio.charset.StandardCharsets;

/**
 * A token's name as a response header value. Names are any Unicode text, header values are ASCII in practice
 * (RFC 9110 makes other bytes obsolete, and proxies treat them differently), so each UTF-8 byte outside printable
 * ASCII, and {@code %} itself, is percent-encoded: {@code café bot} becomes {@code caf%C3%A9 bot}, which a backend
 * decodes as a URI component. A name of plain ASCII, the usual case, arrives as it is.
 */
final class HeaderText {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private HeaderText() {
    }

    static String encode(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder encoded = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c >= 0x20 && c < 0x7f && c != '%') {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return encoded.toString();
    }
}
