/**
 * `sextant check`: the report's computations plus tests (from `--fail-if`, a test file and presets);
 * exit 0 when every test passes, 1 when one fails or errors. Writes JUnit XML and a Markdown summary
 * on request. Tests are parsed before any file is read, so a bad test is a usage error (exit 2).
 */
import { readFile, writeFile } from "node:fs/promises";
import { evaluateTest, toFailIfSpec, type TestResult, type TestSpec } from "../check/check-tests.js";
import { renderCheckMarkdown, renderJunitXml } from "../check/check-output.js";
import { expandPreset, isPresetName, presetNames, type PresetName } from "../check/presets.js";
import { parseTestFile } from "../check/test-file.js";
import { exitCodes, UsageError } from "../exit-codes.js";
import { parseFlags, reportOptions, toReportInvocation } from "../report-args.js";
import { runReport, type CliOutput } from "../report-run.js";
import { reportUsage } from "./report.js";

const checkOptions = {
  ...reportOptions,
  "fail-if": { type: "string", multiple: true },
  tests: { type: "string" },
  preset: { type: "string", multiple: true },
  junit: { type: "string" },
  summary: { type: "string" },
} as const;

/** Help text of `sextant check`. */
export const checkUsage = `Usage: sextant check --reference FILE --current FILE [tests] [report options]

Tests (at least one)
      --fail-if "EXPR"        fail when EXPR holds, e.g. "drift_share>=0.5", "f1<0.8",
                              "missing_share(income)>0.05", "f1 < reference-5%", "rmse >= dummy" (repeatable)
      --tests FILE            YAML or JSON test file (see docs/cli.md)
      --preset NAME           ${presetNames.join(", ")} (repeatable)
CI outputs
      --junit FILE            JUnit XML
      --summary FILE          Markdown summary ("-" = stdout)
Exit codes: 0 all passed, 1 a test failed, 2 usage error, 3 input error, 4 internal error

${reportUsage.split("\n").slice(2).join("\n")}`;

function listOf(value: unknown): string[] {
  return Array.isArray(value) ? (value as string[]) : typeof value === "string" ? [value] : [];
}

async function readTestFile(path: string): Promise<{ presets: PresetName[]; tests: TestSpec[] }> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new UsageError(`test file cannot be read: ${path}`);
  }
  let raw: unknown;
  try {
    raw = /\.ya?ml$/i.test(path) ? (await import("yaml")).parse(text) : JSON.parse(text);
  } catch (error) {
    throw new UsageError(`test file ${path} cannot be parsed: ${(error as Error).message}`);
  }
  return parseTestFile(raw, path);
}

/** Runs `sextant check` with its arguments. */
export async function runCheckCommand(args: readonly string[], out: CliOutput): Promise<number> {
  const values = parseFlags(args, checkOptions);
  if (values.help === true) {
    out.stdout(`${checkUsage}\n`);
    return exitCodes.ok;
  }
  const run = toReportInvocation(values);
  const flagTests = listOf(values["fail-if"]).map((text) => toFailIfSpec(text));
  const presets = listOf(values.preset).map((p) => {
    if (!isPresetName(p))
      throw new UsageError(`--preset must be one of ${presetNames.join(", ")}, got "${p}"`);
    return p;
  });
  const testsPath = typeof values.tests === "string" ? values.tests : undefined;
  const file = testsPath === undefined ? { presets: [], tests: [] } : await readTestFile(testsPath);
  const allPresets = [...new Set([...presets, ...file.presets])];
  if (flagTests.length + file.tests.length + allPresets.length === 0) {
    throw new UsageError("no tests: give --fail-if, --tests FILE or --preset NAME");
  }
  const started = performance.now();
  const report = await runReport(run, out, { defaultHtml: undefined });
  const results: TestResult[] = [
    ...flagTests.map((t) => evaluateTest(report, t, "fail-if")),
    ...file.tests.map((t) => evaluateTest(report, t, "tests")),
    ...allPresets.flatMap((p) => expandPreset(p, report).map((t) => evaluateTest(report, t, p))),
  ];
  const junit = typeof values.junit === "string" ? values.junit : undefined;
  if (junit !== undefined) await writeFile(junit, renderJunitXml(results, performance.now() - started));
  const summary = typeof values.summary === "string" ? values.summary : undefined;
  if (summary === "-") out.stdout(renderCheckMarkdown(results));
  else if (summary !== undefined) await writeFile(summary, renderCheckMarkdown(results));
  const failed = results.filter((r) => r.status !== "passed");
  if (!run.quiet || failed.length > 0) {
    for (const r of failed) out.log(`${r.status === "failed" ? "FAIL" : "ERROR"} ${r.name}: ${r.message}`);
  }
  out.log(
    `check ${failed.length === 0 ? "passed" : "failed"}: ${results.length - failed.length}/${results.length} tests passed`,
  );
  return failed.length === 0 ? exitCodes.ok : exitCodes.checkFailed;
}
