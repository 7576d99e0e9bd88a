/**
 * Pino redaction of credentials: whatever a log call passes (request headers, config, bodies), these
 * paths are replaced by "[redacted]". Sextant never logs secrets on purpose; this is the safety net.
 */

/** Paths pino censors. */
export const logRedactPaths: readonly string[] = [
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  "headers.authorization",
  "headers.cookie",
  "password",
  "*.password",
  "*.currentPassword",
  "*.newPassword",
  "adminPassword",
  "*.adminPassword",
  "adminApiKey",
  "*.adminApiKey",
  "key",
  "*.key",
  "token",
  "*.token",
  "csrfToken",
  "*.csrfToken",
];

/** The pino `redact` option. */
export const logRedaction = { paths: [...logRedactPaths], censor: "[redacted]" };
