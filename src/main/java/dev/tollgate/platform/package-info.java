/**
 * What every feature stands on: configuration keys, the database schema and the embedded Derby lifecycle.
 * Nothing here knows about tokens or the console.
 */
package dev.tollgate.platform;
