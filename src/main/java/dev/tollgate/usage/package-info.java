/**
 * How much each token is used: per UTC day, requests served and refused by reason, and the busiest client
 * addresses, counted in memory by the API's access rules and written coalesced ({@link dev.tollgate.usage.UsageCounts}),
 * read back for the console's usage chart and the tokens table's "Requests (30 d)" column
 * ({@link dev.tollgate.usage.Usage}).
 */
package dev.tollgate.usage;
