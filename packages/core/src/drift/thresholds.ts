/**
 * Threshold resolution in one place: a column's own threshold, else its column kind's, else the global
 * one, else the method's default. The result records which level supplied the value.
 */
import type { ColumnKind } from "./column-data.js";
import type { DriftMethod } from "./method-registry.js";

/** Where a resolved threshold came from. */
export type ThresholdSource = "column" | "kind" | "global" | "method_default";

/** Threshold overrides at each level; all optional. */
export interface ThresholdSettings {
  readonly byColumn?: Readonly<Record<string, number>>;
  readonly byKind?: Readonly<Partial<Record<ColumnKind, number>>>;
  readonly global?: number;
}

/** A threshold and the level it was taken from. */
export interface ResolvedThreshold {
  readonly value: number;
  readonly source: ThresholdSource;
}

/** Resolves the threshold for one column: column → kind → global → method default. */
export function resolveThreshold(input: {
  readonly column: string;
  readonly kind: ColumnKind;
  readonly method: DriftMethod;
  readonly settings: ThresholdSettings;
}): ResolvedThreshold {
  const { settings } = input;
  const own =
    settings.byColumn === undefined
      ? undefined
      : Object.hasOwn(settings.byColumn, input.column)
        ? settings.byColumn[input.column]
        : undefined;
  if (own !== undefined) return { value: own, source: "column" };
  const kind = settings.byKind?.[input.kind];
  if (kind !== undefined) return { value: kind, source: "kind" };
  if (settings.global !== undefined) return { value: settings.global, source: "global" };
  return { value: input.method.defaultThreshold, source: "method_default" };
}
