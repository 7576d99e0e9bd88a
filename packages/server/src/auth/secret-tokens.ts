/**
 * High-entropy secrets (session tokens, CSRF tokens, API keys, generated passwords) and their
 * SHA-256 fingerprints. A fast hash is enough for 256-bit random secrets: guessing is infeasible
 * whatever the hash costs, and a cheap hash keeps per-request authentication fast (docs/decisions/0005).
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** The prefix of every Sextant API key (lets secret scanners recognise leaked keys). */
export const apiKeyPrefix = "sxk_";

/** A random URL-safe token of 32 bytes (256 bits). */
export function generateToken(): string {
  return randomBytes(32).toString("base64url");
}

/** A new API key: prefix plus 256 random bits. */
export function generateApiKey(): string {
  return `${apiKeyPrefix}${generateToken()}`;
}

/** A readable generated password (about 120 bits). */
export function generatePassword(): string {
  return randomBytes(15).toString("base64url").replace(/[-_]/g, "x") + randomBytes(5).toString("hex");
}

/** Hex SHA-256 of a secret, the only form in which tokens and keys are stored. */
export function toSecretFingerprint(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** Constant-time string equality (for CSRF tokens and the bootstrap key). */
export function isSameSecret(a: string, b: string): boolean {
  const left = Buffer.from(toSecretFingerprint(a), "hex");
  const right = Buffer.from(toSecretFingerprint(b), "hex");
  return timingSafeEqual(left, right);
}

/** The visible start of a key, for listings ("sxk_AbCd1234…"). */
export function toKeyPrefix(key: string): string {
  return `${key.slice(0, apiKeyPrefix.length + 8)}…`;
}
