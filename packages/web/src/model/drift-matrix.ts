/**
 * The drift heatmap's data: features × windows from drift monitor results (a dataset-drift monitor's
 * per-column evidence, or one data-drift monitor per column), ranked so the most drifted feature is first.
 */
import type { MonitorResult } from "../api/api-types.js";

/** One cell: a column's score in a window and whether it drifted. */
export interface DriftCell {
  readonly score: number | null;
  readonly drifted: boolean;
  readonly method: string | null;
}

/** Rows (features, most drifted first) × columns (windows, oldest first). */
export interface DriftMatrix {
  readonly windows: readonly string[];
  readonly features: readonly {
    readonly name: string;
    readonly cells: readonly (DriftCell | null)[];
    readonly driftedWindows: number;
  }[];
}

interface ColumnEvidence {
  column: string;
  method?: string;
  score: number | null;
  drifted: boolean;
}

function readColumnEvidence(result: MonitorResult): ColumnEvidence[] {
  const evidence = result.evidence;
  if (Array.isArray(evidence.columns)) {
    return (evidence.columns as unknown[]).filter(
      (c): c is ColumnEvidence =>
        typeof c === "object" && c !== null && typeof (c as ColumnEvidence).column === "string",
    );
  }
  if (typeof evidence.column === "string") {
    return [
      {
        column: evidence.column,
        ...(typeof evidence.method === "string" ? { method: evidence.method } : {}),
        score: result.value,
        drifted: evidence.drifted === true,
      },
    ];
  }
  return [];
}

/** Builds the matrix from the results of all drift monitors of a model (whole-traffic scope only). */
export function deriveDriftMatrix(results: readonly MonitorResult[], maxWindows = 48): DriftMatrix {
  const byWindow = new Map<string, Map<string, DriftCell>>();
  for (const result of results) {
    if (result.segment !== null) continue;
    const cells = byWindow.get(result.windowStart) ?? new Map<string, DriftCell>();
    for (const column of readColumnEvidence(result)) {
      cells.set(column.column, {
        score: column.score,
        drifted: column.drifted,
        method: column.method ?? null,
      });
    }
    byWindow.set(result.windowStart, cells);
  }
  const windows = [...byWindow.keys()].sort().slice(-maxWindows);
  const names = new Set<string>();
  for (const window of windows) for (const name of byWindow.get(window)!.keys()) names.add(name);
  const features = [...names].map((name) => {
    const cells = windows.map((window) => byWindow.get(window)?.get(name) ?? null);
    const driftedWindows = cells.filter((cell) => cell?.drifted === true).length;
    return { name, cells, driftedWindows };
  });
  // Most drifted windows first; ties broken by the latest window, then by name for a stable order.
  features.sort((a, b) => {
    if (b.driftedWindows !== a.driftedWindows) return b.driftedWindows - a.driftedWindows;
    const lastA = a.cells.at(-1)?.drifted === true ? 1 : 0;
    const lastB = b.cells.at(-1)?.drifted === true ? 1 : 0;
    return lastB - lastA || a.name.localeCompare(b.name);
  });
  return { windows, features };
}
