/**
 * The audit trail: what every admin did to tokens and accounts, every sign-in, sign-out and failed sign-in, when
 * and from which address, and the Audit Log page that shows it.
 *
 * <p>Token changes are recorded by observing {@link dev.tollgate.token.TokenChanged}, which the token service fires
 * inside its transaction: a change and its audit record commit together or not at all. Records hold names, access
 * levels, expiries and the non-secret hints of values, never a token value or a password.
 */
package dev.tollgate.audit;
