/** The shape of one forward-only DuckDB migration, shared by the per-area migration lists. */

/** One forward-only migration. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly statements: readonly string[];
}
