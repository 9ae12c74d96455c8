package dev.tollgate.platform;

/**
 * Text typed into a search filter, made safe to bind: control characters are dropped (no stored name holds one, and
 * PostgreSQL refuses a NUL in any parameter with an error, which would turn a typo into a failed page), then it is
 * trimmed; blank means "no filter".
 */
public final class SearchText {

    private SearchText() {
    }

    public static String clean(String typed) {
        if (typed == null) {
            return null;
        }
        String text = typed.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        return text.isEmpty() ? null : text;
    }
}
