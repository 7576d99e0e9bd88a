/**
 * Names both SQL adapters share: identifier quoting, the physical table of a version stream or a
 * reference, and the system columns every event table starts with. Types and literals stay per dialect.
 */

const safeIdPattern = /^[a-z]{2,4}_[0-9a-z]{8,40}$/;

/** Quotes an identifier (user column names may hold any printable character). */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The physical table of a version stream or a reference; refuses ids that are not Sextant ids. */
export function toEventTableName(
  kind: "predictions" | "labels" | "outcomes" | "reference",
  id: string,
): string {
  if (!safeIdPattern.test(id)) throw new Error(`unsafe table id ${JSON.stringify(id)}`);
  const prefix = { predictions: "ev_pred", labels: "ev_label", outcomes: "ev_outcome", reference: "ev_ref" }[
    kind
  ];
  return `${prefix}_${id}`;
}

/** System columns every event table starts with. */
export const systemColumns = {
  eventId: "__sx_event_id",
  timestamp: "__sx_ts",
  receivedAt: "__sx_received_at",
} as const;
