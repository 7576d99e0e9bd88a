/** Ids of monitoring resources: a prefix and 20 random base-36 characters, like the registry's ids. */
import { randomBytes } from "node:crypto";

/** Id prefixes of monitoring resources. */
export type MonitoringIdPrefix = "mon" | "inc" | "chn" | "dlv" | "pol";

/** Makes a new monitoring id. */
export type MonitoringIdGenerator = (prefix: MonitoringIdPrefix) => string;

const alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";

/** A cryptographically random monitoring id generator. */
export function createMonitoringIdGenerator(): MonitoringIdGenerator {
  return (prefix) => {
    let suffix = "";
    for (const byte of randomBytes(20)) suffix += alphabet.charAt(byte % 36);
    return `${prefix}_${suffix}`;
  };
}
