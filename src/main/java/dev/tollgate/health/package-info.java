/**
 * Health for orchestrators and load balancers: is the server alive, and is it ready for traffic (its database
 * reachable)? Answered twice from the same checks: at MicroProfile Health's standard paths where the server has
 * MicroProfile, and as plain JSON under {@code /api/health} on any Jakarta EE server.
 */
package dev.tollgate.health;
