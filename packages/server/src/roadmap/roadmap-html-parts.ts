/**
 * Building blocks of the HTML roadmap report: tables, values, and evidence cells where each fact links
 * to the routes its source names. All user text goes through `escapeHtml`.
 */
import type { Evidence } from "@sextant/core";
import type { FactSources } from "../storage/roadmap-store.js";
import { findFactSource } from "./fact-sources.js";
import { escapeHtml } from "./html-document.js";

/** Rendering context: fact sources and the base URL prefixed to links (empty = relative). */
export interface HtmlContext {
  readonly sources: FactSources;
  readonly baseUrl: string;
}

/** A value as short text (ratios as `num/den (pct%)`). */
export function toValueText(value: unknown): string {
  if (value === null || value === undefined) return "n/a";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : value.toFixed(3);
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "object" && "num" in value && "den" in value) {
    const r = value as { num: number; den: number; ratio: number | null };
    return `${r.num}/${r.den}${r.ratio === null ? "" : ` (${Math.round(r.ratio * 100)}%)`}`;
  }
  return JSON.stringify(value);
}

/** An escaped link, or plain text when there is no link. */
export function toLink(ctx: HtmlContext, route: string, label: string): string {
  return `<a href="${escapeHtml(ctx.baseUrl + route)}">${escapeHtml(label)}</a>`;
}

/** One fact = value with the links of its source. */
export function renderFactRef(ctx: HtmlContext, fact: string, value: unknown): string {
  const source = findFactSource(ctx.sources, fact);
  const links = (source?.links ?? [])
    .slice(0, 3)
    .map((l) => toLink(ctx, l, l))
    .join(" ");
  const note =
    source === undefined ? "" : source.observed ? "" : ' <span class="muted">(not observed)</span>';
  return `<span class="ev"><code>${escapeHtml(fact)}</code> = ${escapeHtml(toValueText(value))}${note}${links === "" ? "" : ` · ${links}`}</span>`;
}

/** Evidence as a list of linked fact references. */
export function renderEvidence(ctx: HtmlContext, evidence: readonly Evidence[]): string {
  if (evidence.length === 0) return "";
  return evidence.map((e) => renderFactRef(ctx, e.fact, e.value)).join("<br>");
}

/** A table; cells are HTML already escaped by the caller. */
export function renderTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return '<p class="muted">None.</p>';
  const th = head.map((h) => `<th>${escapeHtml(h)}</th>`).join("");
  const tr = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`).join("\n");
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${tr}\n</tbody></table>`;
}

/** Escaped text. */
export const t = (value: unknown): string => escapeHtml(toValueText(value));
