/**
 * What the retention task asks a store for: raw events older than a cutoff deleted, per stream. Event
 * time decides for predictions; labels and outcomes go once received before the cutoff and their
 * prediction is gone. Monitor results, incidents and profiles are never touched.
 */

/** Rows deleted by one retention pass. */
export interface DeletedEventCounts {
  readonly predictions: number;
  readonly labels: number;
  readonly outcomes: number;
}

/** The version ids that own a `ev_pred_<id>` table, from a list of table names. */
export function listVersionIdsOfTables(tableNames: readonly string[]): string[] {
  return tableNames
    .filter((name) => name.startsWith("ev_pred_"))
    .map((name) => name.slice("ev_pred_".length))
    .filter((id) => /^[a-z]{2,4}_[0-9a-z]{8,40}$/.test(id))
    .sort();
}
