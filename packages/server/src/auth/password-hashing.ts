/**
 * Password hashing with argon2id (@node-rs/argon2, OWASP parameters: 19 MiB, 2 passes, 1 lane).
 * The PHC string carries its parameters, so stronger settings later still verify old hashes.
 */
import { hash, verify } from "@node-rs/argon2";

// The package's default algorithm is argon2id (its Algorithm enum is const-only, so it is not named here);
// the tests check the PHC string says $argon2id$.
const parameters = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** The argon2id PHC string of a password. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, parameters);
}

/** True when the password matches the PHC string; false for a malformed hash. */
export async function verifyPassword(phc: string, password: string): Promise<boolean> {
  try {
    return await verify(phc, password);
  } catch {
    return false;
  }
}

/** A hash of a random password, verified against when the username is unknown (same timing). */
let decoyHash: Promise<string> | undefined;

/** Spends the time of one verification without a user, so unknown usernames do not answer faster. */
export async function verifyDecoyPassword(password: string): Promise<false> {
  decoyHash ??= hashPassword("decoy-password-that-never-matches");
  await verifyPassword(await decoyHash, password);
  return false;
}
