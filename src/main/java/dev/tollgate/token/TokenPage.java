package dev.tollgate.token;

import java.util.List;

/** The rows of one page and how many rows all pages hold. */
public record TokenPage(List<ApiToken> rows, long total) {
}
