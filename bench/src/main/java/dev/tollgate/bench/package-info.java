/**
 * Benchmark-only code: compiled into {@code target/bench/tollgate-bench.war} by {@code mvn -Pbench package} and
 * never into the product WAR. It seeds tokens in bulk, counts the SQL statements the application runs, and
 * offers an unguarded twin of {@code /api/me} to measure the authentication filter against.
 */
package dev.tollgate.bench;
