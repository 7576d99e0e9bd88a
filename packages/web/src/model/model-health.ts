/**
 * Health of a model per area (drift, quality, performance, fairness, KPI) derived from its monitors'
 * alert states: the worst state of the area's monitors wins. Pure; no fetching.
 */
import type { Monitor, MonitorKind } from "@sextant/sdk";

/** The areas of the organisation overview. */
export const healthAreas = ["drift", "quality", "performance", "fairness", "kpi"] as const;

/** One overview area. */
export type HealthArea = (typeof healthAreas)[number];

/** The status shown for one area, worst first in `healthStatusRank`. */
export type HealthStatus = "critical" | "warning" | "error" | "no_data" | "healthy" | "unmonitored";

/** Higher is worse. */
export const healthStatusRank: Readonly<Record<HealthStatus, number>> = {
  critical: 5,
  warning: 4,
  error: 3,
  no_data: 2,
  healthy: 1,
  unmonitored: 0,
};

const areaByKind: Readonly<Record<MonitorKind, HealthArea>> = {
  data_drift: "drift",
  dataset_drift: "drift",
  prediction_drift: "drift",
  target_drift: "drift",
  text_drift: "drift",
  embedding_drift: "drift",
  streaming_detector: "drift",
  data_quality: "quality",
  performance: "performance",
  estimated_performance: "performance",
  fairness: "fairness",
  business_kpi: "kpi",
};

/** The overview area a monitor kind reports to. */
export function areaOfMonitorKind(kind: MonitorKind): HealthArea {
  return areaByKind[kind];
}

/** The status of one monitor: its worst scope state, or error when its last run failed. */
export function deriveMonitorStatus(monitor: Pick<Monitor, "health" | "states">): HealthStatus {
  let worst: HealthStatus = monitor.health === "failing" ? "error" : "no_data";
  if (monitor.health === "never_run" && monitor.states.length === 0) return "no_data";
  for (const state of monitor.states) {
    let status: HealthStatus;
    if (state.status === "firing") status = state.severity === "critical" ? "critical" : "warning";
    else if (state.status === "pending") status = "warning";
    else if (state.status === "error") status = "error";
    else if (state.status === "no_data") status = "no_data";
    else status = "healthy";
    if (worst === "no_data" && status === "healthy") worst = "healthy";
    else if (healthStatusRank[status] > healthStatusRank[worst]) worst = status;
  }
  return worst;
}

// Combining monitors of one area, a monitor with data outranks one without: realised performance waits for
// late labels while the estimated one already answers, and the area should show that answer.
const areaRank: Readonly<Record<HealthStatus, number>> = { ...healthStatusRank, no_data: 1, healthy: 2 };

/** The worst status of each area over a model's enabled monitors (no data only when none has data). */
export function deriveAreaHealth(
  monitors: readonly Pick<Monitor, "kind" | "enabled" | "health" | "states">[],
): Record<HealthArea, HealthStatus> {
  const health: Record<HealthArea, HealthStatus> = {
    drift: "unmonitored",
    quality: "unmonitored",
    performance: "unmonitored",
    fairness: "unmonitored",
    kpi: "unmonitored",
  };
  for (const monitor of monitors) {
    if (!monitor.enabled) continue;
    const area = areaOfMonitorKind(monitor.kind);
    const status = deriveMonitorStatus(monitor);
    if (health[area] === "unmonitored" || areaRank[status] > areaRank[health[area]]) {
      health[area] = status;
    }
  }
  return health;
}

/** A model is unhealthy when an area warns or is critical, or an incident is open. */
export function isUnhealthy(
  health: Readonly<Record<HealthArea, HealthStatus>>,
  openIncidents: number,
): boolean {
  return (
    openIncidents > 0 ||
    healthAreas.some((area) => healthStatusRank[health[area]] >= healthStatusRank.warning)
  );
}

/** The worst status over all areas. */
export function selectWorstStatus(health: Readonly<Record<HealthArea, HealthStatus>>): HealthStatus {
  return healthAreas
    .map((area) => health[area])
    .reduce(
      (worst, status) => (healthStatusRank[status] > healthStatusRank[worst] ? status : worst),
      "unmonitored",
    );
}
