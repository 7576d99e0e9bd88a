/**
 * Schema change between two revisions of a version schema (the one in effect for a monitor's baseline and
 * the one in effect for its window): columns added, removed, or changed (role, value type or embedding
 * dimension). Unknown fields seen in ingested payloads count as changes too, each field once. Pure.
 */

/** The parts of a column whose change matters to monitoring. */
export interface SchemaColumnShape {
  readonly name: string;
  readonly role: string;
  readonly type: string;
  readonly dimension?: number | undefined;
}

/** One changed column: what it was and what it became. */
export interface ChangedSchemaColumn {
  readonly name: string;
  readonly from: string;
  readonly to: string;
}

/** The differences of two schemas plus the unknown fields of the window's payloads. */
export interface SchemaChange {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly ChangedSchemaColumn[];
  readonly unknownFields: readonly string[];
  /** added + removed + changed + unknown fields. */
  readonly changeCount: number;
}

function describeShape(column: SchemaColumnShape): string {
  const dimension = column.dimension === undefined ? "" : `[${column.dimension}]`;
  return `${column.role}:${column.type}${dimension}`;
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Compares the baseline schema with the window's; `unknownFields` are payload fields that no schema column
 * accepted (rejected rows), listed once each, sorted, and only when the window's schema lacks them.
 */
export function computeSchemaChange(input: {
  readonly baseline: readonly SchemaColumnShape[];
  readonly window: readonly SchemaColumnShape[];
  readonly unknownFields?: readonly string[];
}): SchemaChange {
  const before = new Map(input.baseline.map((column) => [column.name, column]));
  const after = new Map(input.window.map((column) => [column.name, column]));
  const added = [...after.keys()].filter((name) => !before.has(name)).sort(byText);
  const removed = [...before.keys()].filter((name) => !after.has(name)).sort(byText);
  const changed = [...after.values()]
    .flatMap((column): ChangedSchemaColumn[] => {
      const previous = before.get(column.name);
      if (previous === undefined) return [];
      const from = describeShape(previous);
      const to = describeShape(column);
      return from === to ? [] : [{ name: column.name, from, to }];
    })
    .sort((a, b) => byText(a.name, b.name));
  const unknownFields = [...new Set(input.unknownFields ?? [])]
    .filter((name) => !after.has(name))
    .sort(byText);
  return {
    added,
    removed,
    changed,
    unknownFields,
    changeCount: added.length + removed.length + changed.length + unknownFields.length,
  };
}
