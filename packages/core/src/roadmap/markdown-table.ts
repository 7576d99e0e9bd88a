/**
 * Markdown building blocks for the roadmap report: escaped table cells and tables. User text is
 * escaped so a pipe, newline, angle bracket or backtick in an answer cannot break the layout.
 */

import { formatRatio } from "./ratio.js";
import type { Ratio } from "./types.js";

function isRatio(value: unknown): value is Ratio {
  return typeof value === "object" && value !== null && "num" in value && "den" in value && "ratio" in value;
}

/** Escapes text for a Markdown table cell or inline text. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/([|*_`[\]<>#])/g, "\\$1")
    .replace(/\r?\n/g, " ");
}

/** Renders a value as cell text: numbers rounded to 2 decimals, null as "n/a". */
export function toCellText(value: unknown): string {
  if (value === null || value === undefined) return "n/a";
  if (typeof value === "number")
    return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
  if (typeof value === "string") return escapeMarkdown(value);
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (isRatio(value)) return formatRatio(value);
  return escapeMarkdown(JSON.stringify(value));
}

/** A Markdown table from a header row and body rows (cells already rendered). */
export function toMarkdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}
