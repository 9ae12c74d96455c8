/**
 * Several servers on one database: the token change feed that carries every token change made on one server to
 * the API caches of all the others within a second, through the shared database (no network protocol of our own),
 * and that makes a server stop trusting its caches when it cannot read the feed.
 */
package dev.tollgate.cluster;
