/**
 * The JSON report on disk: the report document as pretty JSON, with any stray non-finite number written
 * as null so the file is valid JSON everywhere.
 */
import type { ReportDocument } from "./report-model.js";

/** Serialises a report (2-space indentation, non-finite numbers as null). */
export function renderReportJson(report: ReportDocument): string {
  return `${JSON.stringify(report, (_key, value: unknown) => (typeof value === "number" && !Number.isFinite(value) ? null : value), 2)}\n`;
}
