/**
 * Traceability of an assessment: the sources of paths that are not gathered facts (answers, derived
 * values, other dimensions) and a check that lists every number or evidence item with no linked source.
 */
import type { RoadmapAssessment } from "@sextant/core";
import type { FactSource, FactSources } from "../storage/roadmap-store.js";
import { findFactSource } from "./fact-sources.js";

/** Sources of the non-fact evidence roots, for an assessment id. */
export function deriveRootSources(assessmentId: string): Record<string, FactSource> {
  const self = `/roadmap/assessments/${assessmentId}`;
  return {
    questionnaire: {
      basis: "answer of the saved questionnaire",
      links: ["/roadmap/questionnaire"],
      observed: true,
    },
    supplement: {
      basis: "not observed: extra fact this server does not gather yet",
      links: ["/roadmap/facts"],
      observed: false,
    },
    derived: {
      basis: "computed by the ruleset from the facts and answers listed in the assessment",
      links: [self],
      observed: true,
    },
    dimensions: {
      basis: "maturity level of another dimension of this assessment",
      links: [`${self}#maturity`],
      observed: true,
    },
    blueprint: {
      basis: "blueprint coverage of this assessment",
      links: [`${self}#blueprint`],
      observed: true,
    },
    needs: { basis: "needs profile of this assessment", links: [`${self}#needs`], observed: true },
    evaluation: {
      basis: "weights and scores of a tool evaluation",
      links: ["/roadmap/evaluations"],
      observed: true,
    },
  };
}

function walkEvidence(value: unknown, path: string, out: { path: string; fact: string }[]): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      walkEvidence(v, `${path}[${i}]`, out);
    });
    return;
  }
  if (value === null || typeof value !== "object") return;
  const record = value as Record<string, unknown>;
  if (typeof record.fact === "string") out.push({ path, fact: record.fact });
  for (const [key, v] of Object.entries(record)) walkEvidence(v, `${path}.${key}`, out);
}

function walkNumbers(value: unknown, path: string, out: string[]): void {
  if (typeof value === "number" || typeof value === "boolean") out.push(path);
  else if (value !== null && typeof value === "object" && !Array.isArray(value))
    for (const [key, v] of Object.entries(value as Record<string, unknown>))
      walkNumbers(v, `${path}.${key}`, out);
}

/** Every evidence item and fact value without a source that has at least one link (empty = fully traceable). */
export function listUnlinkedEvidence(assessment: RoadmapAssessment, sources: FactSources): string[] {
  const problems: string[] = [];
  const items: { path: string; fact: string }[] = [];
  // The inputs (facts, answers, supplement) are checked below as values, not walked as evidence.
  const scored = Object.fromEntries(
    Object.entries(assessment).filter(
      ([key]) => key !== "facts" && key !== "questionnaire" && key !== "supplement",
    ),
  );
  walkEvidence(scored, "assessment", items);
  const facts = assessment.facts;
  for (const item of items) {
    const source = findFactSource(sources, item.fact);
    if (source === undefined || source.links.length === 0) problems.push(`${item.path}: ${item.fact}`);
  }
  const numbers: string[] = [];
  walkNumbers(facts, "facts", numbers);
  for (const path of numbers) {
    // perModel scores are keyed by model id; their parent carries the source.
    const source = findFactSource(sources, path);
    if (source === undefined || source.links.length === 0) problems.push(path);
  }
  return problems;
}
