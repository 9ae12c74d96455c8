/**
 * Core settings: a small key/value store that API clients read and write under {@code /api/settings} and that the
 * console can show later. {@link dev.tollgate.setting.Setting} guards the key and value rules;
 * {@link dev.tollgate.setting.Settings} is the one service that reads and writes them, one transaction per call.
 */
package dev.tollgate.setting;
