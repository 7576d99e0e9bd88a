/**
 * Records, for every fact the gatherer computes, what was counted and which API/UI routes show the rows
 * behind it, so each number of an assessment can be traced back (ROADMAP.md §1 principle 2).
 */
import type { FactSource, FactSources } from "../storage/roadmap-store.js";

/** Collects fact sources while facts are derived. */
export interface FactRecorder {
  /** Records an observed fact. */
  observed(path: string, basis: string, links: readonly string[]): void;
  /** Records a fact the platform cannot observe yet; the value is a conservative default. */
  notObserved(path: string, basis: string, links: readonly string[]): void;
  /** The sources recorded so far. */
  toSources(): FactSources;
}

/** Creates an empty recorder. */
export function createFactRecorder(): FactRecorder {
  const sources: Record<string, FactSource> = {};
  return {
    observed(path, basis, links) {
      sources[path] = { basis, links: [...links], observed: true };
    },
    notObserved(path, basis, links) {
      sources[path] = { basis: `not observed: ${basis}`, links: [...links], observed: false };
    },
    toSources: () => ({ ...sources }),
  };
}

/** Links to the UI list of these models (the first few ids, then the filtered list). */
export function toModelLinks(modelIds: readonly string[], listRoute = "/models"): string[] {
  return [listRoute, ...modelIds.slice(0, 20).map((id) => `/models/${id}`)];
}

/** Finds the source of a fact path, walking up to the nearest recorded parent (`a.b.c` → `a.b`). */
export function findFactSource(sources: FactSources, path: string): FactSource | undefined {
  // Evidence may qualify a path, e.g. `facts.versions.triggeredBy(non-manual)` or `…drift+performance`.
  const plain = /^[A-Za-z0-9_.]+/.exec(path)?.[0] ?? path;
  for (let p = plain; p.length > 0; p = p.slice(0, Math.max(0, p.lastIndexOf(".")))) {
    const hit = sources[p];
    if (hit !== undefined) return hit;
    if (!p.includes(".")) return undefined;
  }
  return undefined;
}
