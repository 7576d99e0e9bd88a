import { describe, expect, it } from "vitest";
import { assessRoadmap } from "./assessment.js";
import { buildBaselineFacts } from "./fixtures/baseline-facts.js";
import { EU_BANK_FACTS, EU_BANK_QUESTIONNAIRE } from "./fixtures/eu-bank.js";
import { ONPREM_EVAL_FACTS, ONPREM_EVAL_QUESTIONNAIRE, ONPREM_EVALUATION } from "./fixtures/onprem-eval.js";
import { escapeMarkdown, toMarkdownTable } from "./markdown-table.js";
import { renderRoadmapMarkdown } from "./markdown-report.js";
import { DEFAULT_ROADMAP_RULESET } from "./ruleset.js";

describe("renderRoadmapMarkdown", () => {
  const bank = assessRoadmap({
    id: "bank-1",
    at: new Date("2025-01-15T00:00:00Z"),
    createdBy: "rita",
    facts: EU_BANK_FACTS,
    questionnaire: EU_BANK_QUESTIONNAIRE,
    ruleset: DEFAULT_ROADMAP_RULESET,
  });
  const md = renderRoadmapMarkdown(bank);

  it("has the eight report sections in order", () => {
    const headings = [...md.matchAll(/^## (\d) /gm)].map((m) => m[1]);
    expect(headings).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
  });

  it("prints numbers with the facts behind them", () => {
    expect(md).toMatch(
      /Readiness level: \*\*0\*\* \(Tactical\) — dimensions\.D1\.level = 3;.*dimensions\.D6\.level = 0/,
    );
    expect(md).toMatch(
      /\| R4 \| .* \| fail \| .* \| 2026-08-02 \| facts\.governance\.predictionLogRetentionDays\.high = 90 \| N-RET \|/,
    );
    expect(md).toContain("### D3 Alerting & incident response: level 1 (D3-L1)");
    expect(md).toMatch(/routedCoverage ≥ 0\.8: now 30\/40 \(75%\), target ≥ 0\.8 \(gap 2\) → N-ALERT/);
    expect(md).toContain("rules roadmap-rules-1 (hash ");
  });

  it("renders the evaluation matrix with one evidence link per cell", () => {
    const a = assessRoadmap({
      id: "e",
      at: new Date(0),
      createdBy: "t",
      facts: ONPREM_EVAL_FACTS,
      questionnaire: ONPREM_EVAL_QUESTIONNAIRE,
      ruleset: DEFAULT_ROADMAP_RULESET,
      evaluations: [ONPREM_EVALUATION],
    });
    const out = renderRoadmapMarkdown(a, { evaluations: [ONPREM_EVALUATION] });
    expect(out).toContain("### Model observability platform (stage: longlist)");
    expect(out).toContain("[0](https://example.org/vendor_c/sec.data_residency) docs");
    expect(out).toMatch(/vendor\\_c \| [\d.]+ \| [\d.]+ \| 0 \| yes: sec\.data\\_residency scored 0 \\< 4/);
    expect(out).toMatch(/knockout < 4/);
  });

  it("escapes user text so answers cannot break tables", () => {
    const q = structuredClone(EU_BANK_QUESTIONNAIRE);
    q.stakeholders[0]!.successMetric = "F1 | <script>\nnext";
    const out = renderRoadmapMarkdown(
      assessRoadmap({
        id: "x",
        at: new Date(0),
        createdBy: "t",
        facts: buildBaselineFacts(3),
        questionnaire: q,
        ruleset: DEFAULT_ROADMAP_RULESET,
      }),
    );
    expect(out).toContain("F1 \\| \\<script\\> next");
    const outsideCode = out.replace(/```json[\s\S]*?```/g, "");
    expect(outsideCode).not.toContain("<script>");
  });
});

describe("markdown table helpers", () => {
  it("escapes pipes, brackets and newlines", () => {
    expect(escapeMarkdown("a|b\n[c]")).toBe("a\\|b \\[c\\]");
  });

  it("builds a header, a rule and rows", () => {
    expect(toMarkdownTable(["a", "b"], [["1", "2"]])).toBe("| a | b |\n| --- | --- |\n| 1 | 2 |");
  });
});
