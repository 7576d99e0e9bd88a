import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

// Every exit code and every bad input of the issue, through the CLI entry point on real files.
let dir = "";
const file = (name: string) => join(dir, name);

function rows(n: number, shift: number, extra = ""): string {
  const lines = [`x,y,group,label,score${extra === "" ? "" : `,${extra}`}`];
  for (let i = 0; i < n; i++) {
    const x = ((i * 7919) % 1000) / 100 + shift;
    const label = i % 3 === 0 ? 1 : 0;
    const score = Math.min(1, Math.max(0, label * 0.6 + ((i * 31) % 50) / 100));
    lines.push(
      `${x},${(i * 13) % 97},${i % 2 === 0 ? "a" : "b"},${label},${score}${extra === "" ? "" : `,${i}`}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

async function cli(...args: string[]) {
  const log: string[] = [];
  const stdout: string[] = [];
  const code = await runCli(args, { log: (l) => log.push(l), stdout: (t) => stdout.push(t) });
  return { code, log: log.join("\n"), stdout: stdout.join("") };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "sextant-cli-"));
  await writeFile(file("ref.csv"), rows(400, 0));
  await writeFile(file("cur.csv"), rows(400, 3));
  await writeFile(file("cur-extra.csv"), rows(400, 0, "extra"));
  await writeFile(file("empty.csv"), "");
  await writeFile(file("header-only.csv"), "x,y,group,label,score\n");
  await writeFile(file("broken.parquet"), "this is not parquet");
  const text = rows(400, 0).split("\n");
  text[5] = text[5]!.replace(/^[^,]+/, "n/a");
  text[9] = text[9]!.replace(/^[^,]+/, "unknown");
  await writeFile(file("cur-text.csv"), text.join("\n"));
  await writeFile(
    file("tests.yaml"),
    'presets: [quality]\ntests:\n  - fail_if: "drift_share > 0.9"\n  - metric: f1\n    better_than_dummy: true\n',
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const base = () => ["--reference", file("ref.csv"), "--current", file("cur.csv")];

describe("sextant report", () => {
  it("exits 0 and writes HTML, JSON, Markdown and the schema", async () => {
    const r = await cli(
      "report",
      ...base(),
      "--target",
      "label",
      "--prediction-proba",
      "score",
      "--segment",
      "group",
      "--protected",
      "group",
      "--html",
      file("r.html"),
      "--json",
      file("r.json"),
      "--markdown",
      file("r.md"),
      "--save-schema",
      file("schema.json"),
    );
    expect(r.code).toBe(0);
    expect(r.log).toMatch(/x\s+numeric/);
    const json = JSON.parse(await readFile(file("r.json"), "utf8")) as {
      columns: { name: string; drifted: boolean; n_reference: number }[];
      dataset: { drift_share: number };
      performance: { task: string };
      segments: unknown[];
      fairness: unknown[];
    };
    expect(json.columns.find((c) => c.name === "x")).toMatchObject({ drifted: true, n_reference: 400 });
    expect(json.performance.task).toBe("binary");
    expect(json.segments).toHaveLength(2);
    expect(json.fairness).toHaveLength(1);
    expect(await readFile(file("r.html"), "utf8")).toContain("<svg");
    expect(await readFile(file("r.md"), "utf8")).toContain("Dataset drift");
    const schema = JSON.parse(await readFile(file("schema.json"), "utf8")) as {
      columns: Record<string, string>;
    };
    expect(schema.columns.group).toBe("categorical");
  });

  it("reads a saved schema back and lets --column-type override it", async () => {
    const r = await cli(
      "report",
      ...base(),
      "--schema",
      file("schema.json"),
      "--column-type",
      "y=categorical",
      "--json",
      "-",
      "-q",
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { schema: { name: string; kind: string; source: string }[] };
    expect(json.schema.find((c) => c.name === "y")).toMatchObject({
      kind: "categorical",
      source: "override",
    });
  });

  it.each([
    [["report", "--reference", "a.csv"], /--current FILE are required/],
    [["report", "--bogus"], /Unknown option/],
    [["frobnicate"], /unknown command/],
    [["report", "-r", "a", "-c", "b", "--drift-method", "x=magic"], /--drift-method must be one of/],
    [["report", "-r", "a", "-c", "b", "--threshold", "x=high"], /expects a number/],
    [["report", "-r", "a", "-c", "b", "--drift-policy", "paranoid"], /--drift-policy must be one of/],
  ])("exits 2 on usage error %j", async (args, message) => {
    const r = await cli(...args);
    expect(r.code).toBe(2);
    expect(r.log).toMatch(message);
  });

  it.each([
    [
      "missing file",
      ["--reference", "/nonexistent/ref.csv", "--current", "cur.csv"],
      /FILE_NOT_FOUND.*reference file not found/,
    ],
    ["a directory", ["--reference", ".", "--current", "cur.csv"], /FILE_UNREADABLE/],
    [
      "an unreadable file",
      ["--reference", "broken.parquet", "--current", "cur.csv"],
      /FILE_UNREADABLE.*broken\.parquet/,
    ],
    ["an empty file", ["--reference", "ref.csv", "--current", "empty.csv"], /FILE_EMPTY.*empty\.csv/],
    [
      "a file without rows",
      ["--reference", "header-only.csv", "--current", "cur.csv"],
      /FILE_EMPTY.*no rows/,
    ],
    [
      "an unknown column",
      ["--reference", "ref.csv", "--current", "cur.csv", "--segment", "region"],
      /COLUMN_NOT_FOUND.*"region"/,
    ],
    [
      "a target absent",
      ["--reference", "ref.csv", "--current", "cur.csv", "--target", "churn"],
      /TARGET_NOT_FOUND.*"churn"/,
    ],
    [
      "different columns with --strict",
      ["--reference", "ref.csv", "--current", "cur-extra.csv", "--strict"],
      /COLUMNS_DIFFER.*only in current: extra/,
    ],
    [
      "text in a numeric column",
      ["--reference", "ref.csv", "--current", "cur-text.csv"],
      /COLUMN_TYPE_ERRORS.*x holds 2 text value.*"n\/a"/,
    ],
    [
      "a method that does not fit",
      ["--reference", "ref.csv", "--current", "cur.csv", "--drift-method", "group=ks"],
      /METHOD_NOT_APPLICABLE/,
    ],
  ])("exits 3 on %s", async (_label, args, message) => {
    const resolved = args.map((a, i) =>
      i > 0 && args[i - 1]!.startsWith("--") && a.includes(".") && !a.startsWith("/") ? file(a) : a,
    );
    const r = await cli("report", ...resolved, "--json", file("bad.json"));
    expect(r.code).toBe(3);
    expect(r.log).toMatch(message);
  });

  it("goes on with the shared columns when files differ, and names the difference", async () => {
    const r = await cli(
      "report",
      "--reference",
      file("ref.csv"),
      "--current",
      file("cur-extra.csv"),
      "--json",
      "-",
    );
    expect(r.code).toBe(0);
    expect(r.log).toContain("only in current: extra");
    expect(
      (JSON.parse(r.stdout) as { quality: { columns_only_in_current: string[] } }).quality
        .columns_only_in_current,
    ).toEqual(["extra"]);
  });

  it("counts text in numeric columns as missing with --allow-type-errors", async () => {
    const r = await cli(
      "report",
      "--reference",
      file("ref.csv"),
      "--current",
      file("cur-text.csv"),
      "--allow-type-errors",
      "--json",
      "-",
      "-q",
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as {
      quality: { columns: { name: string; type_errors: { current: number } }[] };
    };
    expect(json.quality.columns.find((c) => c.name === "x")?.type_errors.current).toBe(2);
  });
});

describe("sextant check", () => {
  it("exits 1 when a test fails and writes JUnit XML and a Markdown summary", async () => {
    const r = await cli(
      "check",
      ...base(),
      "--fail-if",
      "drift_share>=0.2",
      "--junit",
      file("junit.xml"),
      "--summary",
      file("summary.md"),
    );
    expect(r.code).toBe(1);
    expect(r.log).toMatch(/FAIL fail if drift_share>=0.2/);
    expect(await readFile(file("junit.xml"), "utf8")).toContain('failures="1"');
    expect(await readFile(file("summary.md"), "utf8")).toContain("Sextant check: failed");
  });

  it("exits 0 when every test passes, with a YAML test file and presets", async () => {
    const r = await cli(
      "check",
      "--reference",
      file("ref.csv"),
      "--current",
      file("cur-extra.csv"),
      "--target",
      "label",
      "--prediction-proba",
      "score",
      "--tests",
      file("tests.yaml"),
      "--preset",
      "classification",
      "--fail-if",
      "f1 < 0.3",
      "-q",
    );
    expect(r.log).toMatch(/check passed/);
    expect(r.code).toBe(0);
  });

  it("exits 2 without tests or with a malformed expression", async () => {
    expect((await cli("check", ...base())).code).toBe(2);
    expect((await cli("check", ...base(), "--fail-if", "f1 <<< 2")).code).toBe(2);
    expect((await cli("check", ...base(), "--fail-if", "f9 < 2")).code).toBe(2);
  });

  it("exits 3 on bad input before any test runs", async () => {
    expect(
      (
        await cli(
          "check",
          "--reference",
          file("missing.csv"),
          "--current",
          file("cur.csv"),
          "--preset",
          "drift",
        )
      ).code,
    ).toBe(3);
  });
});
