/**
 * Drift of one column: choose the method (explicit or by policy), resolve the threshold, compute the
 * score and decide. The result records the method, threshold, its source and the sample sizes used.
 */
import type { ColumnKind, DriftColumn, PreparedColumn } from "./column-data.js";
import { prepareDriftColumn } from "./column-data.js";
import { selectPolicyDriftMethod, type DriftPolicyId } from "./drift-policy.js";
import {
  isDrifted,
  selectDriftMethod,
  type DriftDirection,
  type DriftMethodId,
  type DriftMethodOptions,
} from "./method-registry.js";
import { resolveThreshold, type ThresholdSettings, type ThresholdSource } from "./thresholds.js";

/** What every column result carries, whatever its status. */
export interface ColumnDriftFacts {
  readonly column: string;
  readonly kind: ColumnKind;
  readonly method: DriftMethodId;
  readonly methodName: string;
  /** Whether the method came from the caller or from the policy. */
  readonly methodSource: "column" | "policy";
  readonly scoreKind: "p_value" | "distance";
  readonly threshold: number;
  readonly thresholdSource: ThresholdSource;
  readonly direction: DriftDirection;
  readonly referenceSize: number;
  readonly currentSize: number;
  readonly referenceMissing: number;
  readonly currentMissing: number;
  readonly uniqueCount: number;
}

/** A column's drift: a score and verdict, or the reason there is none. */
export type ColumnDriftResult = ColumnDriftFacts &
  (
    | {
        readonly status: "ok";
        readonly score: number;
        readonly statistic?: number;
        readonly drifted: boolean;
        readonly details?: Readonly<Record<string, number | string>>;
      }
    | { readonly status: "insufficient_data"; readonly reason: string; readonly drifted: false }
  );

/** How to compute one column's drift; every field but the column is optional. */
export interface ColumnDriftRequest {
  readonly column: DriftColumn | PreparedColumn;
  readonly method?: DriftMethodId;
  readonly policy?: DriftPolicyId;
  readonly thresholds?: ThresholdSettings;
  readonly options?: DriftMethodOptions;
}

function isPrepared(column: DriftColumn | PreparedColumn): column is PreparedColumn {
  return "sample" in column;
}

/** Computes one column's drift. Throws when an explicit method does not apply to the column's kind. */
export function computeColumnDrift(request: ColumnDriftRequest): ColumnDriftResult {
  const prepared = isPrepared(request.column) ? request.column : prepareDriftColumn(request.column);
  const methodId =
    request.method ??
    selectPolicyDriftMethod(request.policy ?? "auto", {
      kind: prepared.columnKind,
      referenceSize: prepared.referenceSize,
      uniqueCount: prepared.uniqueCount,
    });
  const method = selectDriftMethod(methodId);
  if (!method.columnKinds.includes(prepared.columnKind)) {
    throw new RangeError(
      `drift method ${methodId} does not apply to ${prepared.columnKind} column ${prepared.name}`,
    );
  }
  const threshold = resolveThreshold({
    column: prepared.name,
    kind: prepared.columnKind,
    method,
    settings: request.thresholds ?? {},
  });
  const facts: ColumnDriftFacts = {
    column: prepared.name,
    kind: prepared.columnKind,
    method: method.id,
    methodName: method.displayName,
    methodSource: request.method === undefined ? "policy" : "column",
    scoreKind: method.scoreKind,
    threshold: threshold.value,
    thresholdSource: threshold.source,
    direction: method.direction,
    referenceSize: prepared.referenceSize,
    currentSize: prepared.currentSize,
    referenceMissing: prepared.referenceMissing,
    currentMissing: prepared.currentMissing,
    uniqueCount: prepared.uniqueCount,
  };
  if (prepared.referenceSize === 0 || prepared.currentSize === 0) {
    const side = prepared.referenceSize === 0 ? "reference" : "current";
    return {
      ...facts,
      status: "insufficient_data",
      reason: `no ${side} values after removing missing ones`,
      drifted: false,
    };
  }
  const scored = method.compute(prepared, request.options ?? {});
  if (scored.status !== "ok")
    return { ...facts, status: "insufficient_data", reason: scored.reason, drifted: false };
  return {
    ...facts,
    status: "ok",
    score: scored.score,
    ...(scored.statistic === undefined ? {} : { statistic: scored.statistic }),
    ...(scored.details === undefined ? {} : { details: scored.details }),
    drifted: isDrifted(scored.score, threshold.value, method.direction),
  };
}
