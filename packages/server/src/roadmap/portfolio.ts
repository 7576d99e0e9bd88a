/**
 * The production portfolio of a snapshot: which models count as production (P of ROADMAP.md §3.1: a model
 * with a version in stage `production`), their live version, and small counting helpers over them.
 */
import { toRatio, type Ratio } from "@sextant/core";
import type { ModelRecord, VersionRecord } from "../registry/records.js";
import type { PlatformSnapshot } from "./platform-snapshot.js";

/** Production models and their live versions. */
export interface Portfolio {
  readonly snapshot: PlatformSnapshot;
  readonly production: readonly ModelRecord[];
  /** The newest production version of each production model. */
  readonly liveVersion: ReadonlyMap<string, VersionRecord>;
  readonly highRisk: readonly ModelRecord[];
}

/** Risk tiers that count as "high" for the AI-Act rules. */
export const highRiskTiers: ReadonlySet<string> = new Set(["high", "critical"]);

/** Builds the portfolio view of a snapshot. */
export function derivePortfolio(snapshot: PlatformSnapshot): Portfolio {
  const liveVersion = new Map<string, VersionRecord>();
  for (const model of snapshot.models) {
    const live = (snapshot.versionsByModel.get(model.id) ?? [])
      .filter((v) => v.stage === "production")
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
    if (live !== undefined) liveVersion.set(model.id, live);
  }
  const production = snapshot.models.filter((m) => liveVersion.has(m.id));
  return {
    snapshot,
    production,
    liveVersion,
    highRisk: production.filter((m) => highRiskTiers.has(m.riskTier)),
  };
}

/** Ratio of `models` satisfying the predicate, with the ids of those that do and do not. */
export function countModels(
  models: readonly ModelRecord[],
  predicate: (model: ModelRecord) => boolean,
): { ratio: Ratio; hits: string[]; misses: string[] } {
  const hits = models.filter(predicate).map((m) => m.id);
  const misses = models.filter((m) => !hits.includes(m.id)).map((m) => m.id);
  return { ratio: toRatio(hits.length, models.length), hits, misses };
}

/** Median of a list (0 when empty). */
export function computeMedian(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
