/** Generates resource ids: a short prefix and 20 random base-36 characters (about 103 bits). */
import { randomBytes } from "node:crypto";

/** Id prefixes per resource kind. */
export type IdPrefix = "ws" | "mdl" | "ver" | "ref" | "seg" | "usr" | "ses" | "key";

/** Makes a new id with the given prefix. */
export type IdGenerator = (prefix: IdPrefix) => string;

const alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";

/** A cryptographically random id generator. */
export function createRandomIdGenerator(): IdGenerator {
  return (prefix) => {
    const bytes = randomBytes(20);
    let suffix = "";
    for (const byte of bytes) suffix += alphabet.charAt(byte % 36);
    return `${prefix}_${suffix}`;
  };
}

/** A deterministic id generator (demo seeding and tests): prefix, then a zero-padded counter. */
export function createSequentialIdGenerator(namespace: string): IdGenerator {
  let counter = 0;
  return (prefix) => {
    counter += 1;
    return `${prefix}_${namespace}${String(counter).padStart(12, "0")}`;
  };
}
