/**
 * Check results for CI: JUnit XML (one testsuite per group, failures and errors with messages) and a
 * Markdown summary for pull-request comments.
 */
import type { TestResult } from "./check-tests.js";

function escapeXml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}

/** JUnit XML for the results. */
export function renderJunitXml(results: readonly TestResult[], durationMs: number): string {
  const groups = [...new Set(results.map((r) => r.group))];
  const suites = groups.map((group) => {
    const rs = results.filter((r) => r.group === group);
    const cases = rs.map((r) => {
      const name = `name="${escapeXml(r.name)}" classname="sextant.${escapeXml(group)}"`;
      if (r.status === "passed")
        return `    <testcase ${name}><system-out>${escapeXml(r.message)}</system-out></testcase>`;
      const tag = r.status === "failed" ? "failure" : "error";
      return `    <testcase ${name}><${tag} message="${escapeXml(r.message)}"/></testcase>`;
    });
    const failures = rs.filter((r) => r.status === "failed").length;
    const errors = rs.filter((r) => r.status === "error").length;
    return `  <testsuite name="sextant.${escapeXml(group)}" tests="${rs.length}" failures="${failures}" errors="${errors}">\n${cases.join("\n")}\n  </testsuite>`;
  });
  const failures = results.filter((r) => r.status === "failed").length;
  const errors = results.filter((r) => r.status === "error").length;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="sextant check" tests="${results.length}" failures="${failures}" errors="${errors}" time="${(durationMs / 1000).toFixed(3)}">\n${suites.join("\n")}\n</testsuites>\n`;
}

/** Markdown summary: verdict line, then one row per test (failures first). */
export function renderCheckMarkdown(results: readonly TestResult[]): string {
  const failed = results.filter((r) => r.status !== "passed");
  const icon = { passed: "✅", failed: "❌", error: "⚠️" } as const;
  const ordered = [...failed, ...results.filter((r) => r.status === "passed")];
  const cell = (t: string) => t.replaceAll("|", "\\|");
  return [
    `## Sextant check: ${failed.length === 0 ? "passed" : "failed"}`,
    ``,
    `${results.length - failed.length} of ${results.length} tests passed.`,
    ``,
    `| | test | group | details |`,
    `|---|---|---|---|`,
    ...ordered.map((r) => `| ${icon[r.status]} | ${cell(r.name)} | ${r.group} | ${cell(r.message)} |`),
    ``,
  ].join("\n");
}
