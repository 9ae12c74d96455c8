/**
 * Console admins and signing in: the admin account entity and service, password hashing, the Jakarta Security
 * identity store and form mechanism behind the sign-in page, lockout after repeated failures, the first admin
 * created at start, session hardening, and the backing beans of the sign-in, admins and change-password pages.
 *
 * <p>Passwords exist only in memory: the table keeps a {@code Pbkdf2PasswordHash} string. Account events are
 * written to the audit trail ({@link dev.tollgate.audit}) in the transaction that changes the account.
 */
package dev.tollgate.account;
