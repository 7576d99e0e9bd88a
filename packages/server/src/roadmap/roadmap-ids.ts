/** Ids of roadmap resources: a short prefix and 24 random hex digits (matches the sdk id pattern). */
import { randomBytes } from "node:crypto";

/** A new id with the prefix, e.g. `rma_3f…`. */
export function createRoadmapId(prefix: "rma" | "rme" | "cand"): string {
  return `${prefix}_${randomBytes(12).toString("hex")}`;
}
