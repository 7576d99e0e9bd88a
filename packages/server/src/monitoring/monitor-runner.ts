/**
 * The monitor run as gather → decide → act: gather the due windows (new closed windows plus windows that
 * late data touched) from the store, decide each window in core (`decideMonitorWindow` with `at`), then act:
 * commit results, states, run, incident changes and deliveries in one store transaction (the incident
 * planner runs inside it, decision 0015) and only then send the committed deliveries. A failure before the
 * commit is recorded on the monitor (lastError) and the windows stay due; nothing is thrown to the
 * scheduler except a lost lease.
 */
import {
  computeWindowContaining,
  decideMonitorWindow,
  listWindows,
  listWindowsAffectedBy,
  type AlertState,
  type TimeWindow,
} from "@sextant/core";
import type { SegmentCondition } from "@sextant/sdk";
import type { IncidentChangePlan } from "../incidents/incident-plan.js";
import type { ViolationInput } from "../incidents/incident-plan.js";
import type { IncidentService } from "../incidents/incident-service.js";
import type { Store } from "../storage/store.js";
import type { LeaseFence } from "../storage/work-leases.js";
import type { GatherSource } from "../storage/monitoring-store.js";
import { gatherScope, type GatherContext } from "./monitor-gather.js";
import type { MonitorRecord, MonitorResultRecord, MonitorStateRecord } from "./monitoring-records.js";

/** What one run did. */
export interface MonitorRunOutcome {
  readonly evaluatedWindows: number;
  readonly notifications: number;
  readonly error: string | null;
}

/** Evaluates monitors. */
export interface MonitorRunner {
  /**
   * Evaluates the due windows oldest first, at most `maxWindowsPerRun` of them; `catchUp` repeats until
   * every closed window is evaluated (a backfill from `evaluateFrom`, or a long outage).
   */
  run(
    monitor: MonitorRecord,
    at: Date,
    options?: { readonly catchUp?: boolean; readonly fence?: LeaseFence | undefined },
  ): Promise<MonitorRunOutcome>;
}

const defaultMaxWindowsPerRun = 2000;
// Kinds whose value needs labels or outcomes: late labels decide their windows (state and alerts).
const labelKinds = new Set(["performance", "fairness", "target_drift", "business_kpi", "streaming_detector"]);
// Kinds that show labels beside their value: late labels refresh the stored result only.
const evidenceKinds = new Set([...labelKinds, "estimated_performance"]);

interface Scope {
  readonly segment: string | null;
  readonly conditions: readonly SegmentCondition[] | null;
}

async function resolveScopes(store: Store, monitor: MonitorRecord): Promise<Scope[]> {
  if (monitor.scope.kind === "all") return [{ segment: null, conditions: null }];
  if (monitor.scope.kind === "segment") {
    const segment = await store.findSegment(monitor.scope.segmentId);
    if (segment === undefined) throw new Error(`segment ${monitor.scope.segmentId} no longer exists`);
    return [{ segment: segment.name, conditions: segment.conditions }];
  }
  const segments = await store.listSegments({ modelId: monitor.modelId, limit: 500, offset: 0 });
  return segments.items.map((segment) => ({ segment: segment.name, conditions: segment.conditions }));
}

async function resolveBaseline(
  store: Store,
  monitor: MonitorRecord,
): Promise<{ baselineFor: (window: TimeWindow) => GatherSource; fixed: boolean }> {
  const { baseline, versionId } = monitor;
  if (baseline.kind === "trailing") {
    return {
      fixed: false,
      baselineFor: (window) => ({
        kind: "range",
        versionId,
        fromMs: window.startMs - baseline.windows * (window.endMs - window.startMs),
        toMs: window.startMs,
      }),
    };
  }
  if (baseline.kind === "range") {
    const source: GatherSource = {
      kind: "range",
      versionId,
      fromMs: baseline.from.getTime(),
      toMs: baseline.to.getTime(),
    };
    return { fixed: true, baselineFor: () => source };
  }
  const reference = await store.findReference(baseline.referenceId);
  if (reference === undefined) throw new Error(`reference ${baseline.referenceId} no longer exists`);
  const source: GatherSource =
    reference.kind === "file"
      ? { kind: "reference", versionId, referenceId: reference.id }
      : {
          kind: "range",
          versionId,
          fromMs: reference.from?.getTime() ?? 0,
          toMs: reference.to?.getTime() ?? 0,
        };
  return { fixed: true, baselineFor: () => source };
}

/** The oldest closed windows not yet evaluated (at most `limit`), and whether more remain. */
function selectDueWindows(input: {
  readonly monitor: MonitorRecord;
  readonly evaluatedUntil: Date | null;
  readonly at: Date;
  readonly limit: number;
}): { windows: TimeWindow[]; hasMore: boolean } {
  const { monitor, at } = input;
  const start = monitor.evaluateFrom ?? monitor.createdAt;
  const fromMs = input.evaluatedUntil?.getTime() ?? computeWindowContaining(start, monitor.window).startMs;
  const closed = listWindows({
    from: fromMs,
    to: at.getTime() - monitor.delayMs,
    spec: monitor.window,
  }).filter((window) => window.endMs <= at.getTime() - monitor.delayMs && window.startMs >= fromMs);
  return { windows: closed.slice(0, input.limit), hasMore: closed.length > input.limit };
}

/** Creates the runner. */
export function createMonitorRunner(options: {
  readonly store: Store;
  readonly incidents: IncidentService;
  readonly cache?: Map<string, unknown>;
  readonly maxWindowsPerRun?: number;
}): MonitorRunner {
  const { store, incidents } = options;
  const maxWindowsPerRun = options.maxWindowsPerRun ?? defaultMaxWindowsPerRun;
  const cache = options.cache ?? new Map<string, unknown>();

  const gatherAndDecide = async (
    monitor: MonitorRecord,
    windows: readonly TimeWindow[],
    lateCount: number,
    at: Date,
    isFresh: boolean,
  ) => {
    const version = await store.findVersion(monitor.versionId);
    if (version?.schema === null || version === undefined) throw new Error("the version has no schema");
    const { baselineFor, fixed } = await resolveBaseline(store, monitor);
    // Nothing evaluated yet (new, or evaluateFrom moved): stale states and detectors must not carry over.
    const stored = isFresh ? [] : await store.listMonitorStates(monitor.id);
    const previousStates = new Map(stored.map((s) => [s.segment, s]));
    const states: MonitorStateRecord[] = [];
    const results: MonitorResultRecord[] = [];
    const violations: ViolationInput[] = [];
    const recoveries: (string | null)[] = [];
    for (const scope of await resolveScopes(store, monitor)) {
      const previousRecord = previousStates.get(scope.segment);
      const context: GatherContext = {
        store,
        columns: version.schema.columns,
        baselineFor,
        isFixedBaseline: fixed,
        cache,
        cacheKey: `${monitor.id}:${monitor.updatedAt.getTime()}:${scope.segment ?? ""}`,
        detectorState: previousRecord?.detectorState ?? null,
      };
      const gathered = await gatherScope(context, monitor, scope.conditions, windows);
      let previous: AlertState | null = previousRecord?.state ?? null;
      windows.forEach((window, index) => {
        const observed = gathered.observations[index] ?? {
          observation: { kind: "insufficient_data" as const, reason: "no observation" },
          evidence: {},
        };
        const decision = decideMonitorWindow({
          spec: monitor.condition,
          baseline: gathered.baseline,
          observation: observed.observation,
          rule: { forWindows: monitor.forWindows, minSampleSize: monitor.minSampleSize },
          previous,
          at: window.endMs,
        });
        // A late window of a label-free kind refreshes its stored result; the state machine has moved on.
        const replaysState = index >= lateCount || labelKinds.has(monitor.kind);
        if (replaysState) previous = decision.transition.state;
        const { state } = decision.transition;
        const notify = replaysState ? decision.transition.notify : null;
        const value = observed.observation.kind === "value" ? observed.observation.value : null;
        results.push({
          monitorId: monitor.id,
          modelId: monitor.modelId,
          segment: scope.segment,
          windowStart: new Date(window.startMs),
          windowEnd: new Date(window.endMs),
          value,
          sampleSize: observed.observation.kind === "value" ? observed.observation.sampleSize : 0,
          severity: decision.severity,
          status: state.status,
          detail: decision.reason,
          evidence: { ...observed.evidence, bounds: decision.verdict?.bounds ?? null },
          evaluatedAt: at,
        });
        if (
          replaysState &&
          state.status === "firing" &&
          state.severity !== null &&
          decision.severity !== "none"
        ) {
          violations.push({
            modelId: monitor.modelId,
            segment: scope.segment,
            monitorId: monitor.id,
            windowStartMs: window.startMs,
            severity: state.severity,
            monitorName: monitor.name,
            value,
            channelIds: monitor.channelIds,
          });
        }
        if (notify === "resolve") recoveries.push(scope.segment);
      });
      states.push({
        monitorId: monitor.id,
        segment: scope.segment,
        state: previous ?? decideInitial(at),
        detectorState: gathered.detectorState,
      });
    }
    return { states, results, violations, recoveries };
  };

  // With a fence (a worker's lease), every commit of the run is refused once the lease was taken over.
  const runOnce = async (
    monitor: MonitorRecord,
    at: Date,
    fence: LeaseFence | undefined,
  ): Promise<MonitorRunOutcome & { hasMore: boolean }> => {
    const run = await store.loadMonitorRun(monitor.id);
    let committed: IncidentChangePlan;
    let outcome: Omit<MonitorRunOutcome, "error"> & { hasMore: boolean };
    try {
      const { windows: due, hasMore } = selectDueWindows({
        monitor,
        evaluatedUntil: run?.evaluatedUntil ?? null,
        at,
        limit: maxWindowsPerRun,
      });
      const evaluatedUntilMs = due.at(-1)?.endMs ?? run?.evaluatedUntil?.getTime() ?? null;
      let late: TimeWindow[] = [];
      if (run?.seenReceivedUntil != null && run.evaluatedUntil !== null && evidenceKinds.has(monitor.kind)) {
        const times = await store.listLateEventTimes({
          versionId: monitor.versionId,
          receivedAfter: run.seenReceivedUntil,
          receivedUntil: at,
        });
        const limitMs = run.evaluatedUntil.getTime();
        late = listWindowsAffectedBy(times, monitor.window).filter((window) => window.endMs <= limitMs);
      }
      const windows = [...late, ...due];
      if (windows.length === 0) {
        await store.saveMonitorRun(
          {
            monitorId: monitor.id,
            lastRunAt: at,
            lastError: null,
            evaluatedUntil: run?.evaluatedUntil ?? null,
            seenReceivedUntil: at,
          },
          fence,
        );
        return { evaluatedWindows: 0, notifications: 0, error: null, hasMore: false };
      }
      const isFresh = run?.evaluatedUntil == null;
      const decided = await gatherAndDecide(monitor, windows, late.length, at, isFresh);
      const planner = await incidents.prepareChanges({
        modelId: monitor.modelId,
        monitorId: monitor.id,
        channelIds: monitor.channelIds,
        violations: decided.violations,
        recoveries: decided.recoveries,
        at,
      });
      // The transactional outbox: results, states, run, incidents and deliveries commit together.
      committed = await store.commitEvaluation({
        states: decided.states,
        results: decided.results,
        run: {
          monitorId: monitor.id,
          lastRunAt: at,
          lastError: null,
          evaluatedUntil: evaluatedUntilMs === null ? null : new Date(evaluatedUntilMs),
          seenReceivedUntil: at,
        },
        fence,
        planner,
      });
      outcome = { evaluatedWindows: windows.length, notifications: committed.notifications, hasMore };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await store.saveMonitorRun(
        {
          monitorId: monitor.id,
          lastRunAt: at,
          lastError: message,
          evaluatedUntil: run?.evaluatedUntil ?? null,
          seenReceivedUntil: run?.seenReceivedUntil ?? null,
        },
        fence,
      );
      return { evaluatedWindows: 0, notifications: 0, error: message, hasMore: false };
    }
    // After the commit nothing is lost: a delivery whose first attempt fails or never records (the store
    // is down, the process dies) stays pending and the outbox retries it after the in-flight period.
    await incidents.sendCommitted(committed).catch(() => undefined);
    return { ...outcome, error: null };
  };

  return {
    async run(monitor, at, runOptions) {
      const total = { evaluatedWindows: 0, notifications: 0, error: null as string | null };
      for (;;) {
        const outcome = await runOnce(monitor, at, runOptions?.fence);
        total.evaluatedWindows += outcome.evaluatedWindows;
        total.notifications += outcome.notifications;
        total.error = outcome.error;
        if (runOptions?.catchUp !== true || !outcome.hasMore) return total;
      }
    },
  };
}

function decideInitial(at: Date): AlertState {
  return {
    status: "ok",
    consecutiveViolations: 0,
    severity: null,
    isAlertOpen: false,
    sinceMs: at.getTime(),
    evaluatedAtMs: at.getTime(),
    firedAtMs: null,
    detail: null,
  };
}
