/**
 * Resolves the evidence of a roadmap score to its fact sources and turns the source links the server
 * records (API/UI routes such as `/models/{id}` or `/monitors?modelId=…`) into pages of this web UI.
 */
import type { Evidence } from "@sextant/core";

/** Where a fact came from (the `sources` map of an assessment). */
export interface FactSource {
  readonly basis: string;
  readonly links: readonly string[];
  readonly observed: boolean;
}

/** fact path → source. */
export type FactSources = Readonly<Record<string, FactSource>>;

/** A link of an evidence item: an in-app page, an in-page roadmap tab, or a raw API route. */
export interface EvidenceLink {
  readonly kind: "page" | "tab" | "api";
  readonly href: string;
  readonly label: string;
  /** The roadmap tab to open (kind "tab"). */
  readonly tab?: string;
}

/** An evidence item with its source. */
export interface ResolvedEvidence {
  readonly fact: string;
  readonly value: unknown;
  readonly source: FactSource | undefined;
  readonly links: readonly EvidenceLink[];
}

/** The source of a fact path, walking up to the nearest recorded parent (`a.b.c` → `a.b`). */
export function findFactSource(sources: FactSources, path: string): FactSource | undefined {
  // Evidence may qualify a path, e.g. `facts.versions.triggeredBy(non-manual)`.
  const plain = /^[A-Za-z0-9_.]+/.exec(path)?.[0] ?? path;
  for (let p = plain; p.length > 0; p = p.slice(0, Math.max(0, p.lastIndexOf(".")))) {
    const hit = sources[p];
    if (hit !== undefined) return hit;
    if (!p.includes(".")) return undefined;
  }
  return undefined;
}

const roadmapAnchorTabs: Record<string, string> = {
  maturity: "blueprint",
  blueprint: "blueprint",
  needs: "needs",
};

/** The web-UI target of a recorded source link. */
export function toEvidenceLink(link: string): EvidenceLink {
  const [path = "", query = ""] = link.split("?");
  const params = new URLSearchParams(query);
  const model = /^\/models\/([^/]+)(?:\/card)?$/.exec(path);
  if (model !== null) return { kind: "page", href: `/models/${model[1]!}`, label: `model ${model[1]!}` };
  const modelId = params.get("modelId");
  if (path === "/monitors" && modelId !== null)
    return { kind: "page", href: `/models/${modelId}/monitors`, label: `monitors of ${modelId}` };
  if (path === "/incidents" || path === "/audit" || path === "/settings")
    return { kind: "page", href: link, label: link };
  if (path.startsWith("/settings/")) return { kind: "page", href: "/settings", label: link };
  if (path === "/models") return { kind: "page", href: "/", label: query === "" ? "all models" : link };
  if (path.startsWith("/roadmap/questionnaire"))
    return { kind: "tab", href: "/roadmap?tab=questionnaire", label: "questionnaire", tab: "questionnaire" };
  if (path.startsWith("/roadmap/evaluations"))
    return { kind: "tab", href: "/roadmap?tab=evaluation", label: "tool evaluations", tab: "evaluation" };
  const anchor = link.split("#")[1];
  if (path.startsWith("/roadmap/") && anchor !== undefined && roadmapAnchorTabs[anchor] !== undefined) {
    const tab = roadmapAnchorTabs[anchor];
    return { kind: "tab", href: `/roadmap?tab=${tab}`, label: anchor, tab };
  }
  return { kind: "api", href: `/api/v1${link}`, label: link };
}

/** Each evidence item with its source and web-UI links (model pages first). */
export function resolveEvidence(evidence: readonly Evidence[], sources: FactSources): ResolvedEvidence[] {
  return evidence.map((item) => {
    const source = findFactSource(sources, item.fact);
    const links = (source?.links ?? []).map(toEvidenceLink);
    const unique = links.filter((l, i) => links.findIndex((o) => o.href === l.href) === i);
    unique.sort((a, b) => Number(b.label.startsWith("model ")) - Number(a.label.startsWith("model ")));
    return { fact: item.fact, value: item.value, source, links: unique };
  });
}

/** A short text of an evidence value: ratios as `num/den`, lists joined, objects as JSON. */
export function formatEvidenceValue(value: unknown): string {
  if (value === null || value === undefined) return "n/a";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : value.toFixed(2);
  if (typeof value === "string" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.length === 0 ? "none" : value.map(formatEvidenceValue).join(", ");
  const record = value as Record<string, unknown>;
  if (typeof record.num === "number" && typeof record.den === "number")
    return `${record.num}/${record.den}${typeof record.ratio === "number" ? ` (${Math.round(record.ratio * 100)}%)` : ""}`;
  return JSON.stringify(value);
}
