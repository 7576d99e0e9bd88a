/** A WHERE clause built from optional conditions, for both SQL adapters (each with its own value type). */

/** The clause ("" when no condition applies) and its numbered parameters. */
export interface WhereClause<P> {
  readonly clause: string;
  readonly params: P[];
}

/** Keeps the conditions whose value is defined, numbering their parameters $1, $2, … in order. */
export function toWhereClause<P>(
  conditions: readonly (readonly [(index: number) => string, P | undefined])[],
): WhereClause<P> {
  const params: P[] = [];
  const parts: string[] = [];
  for (const [condition, value] of conditions) {
    if (value === undefined) continue;
    params.push(value);
    parts.push(condition(params.length));
  }
  return { clause: parts.length === 0 ? "" : `WHERE ${parts.join(" AND ")}`, params };
}
