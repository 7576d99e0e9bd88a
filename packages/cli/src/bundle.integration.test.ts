import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

// The shipped binary: the esbuild bundle with the feature drift worker beside it, on data large enough for
// the worker thread to take part. Its report must equal the one computed in-process from the sources.
const root = fileURLToPath(new URL("../../../", import.meta.url));
let dir = "";
let bundleDir = "";

/** A reproducible table: two numeric features, a category, a binary label and a score. */
function toCsv(rows: number, shift: number): string {
  let state = 12345 + Math.round(shift * 1000);
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  const lines = ["x,y,grp,label,score"];
  for (let i = 0; i < rows; i++) {
    const label = next() < 0.3 ? 1 : 0;
    lines.push(
      `${(next() * 100 + shift).toFixed(4)},${(next() * 50).toFixed(3)},${"abc"[i % 3]},${label},${Math.min(1, next() * 0.7 + label * 0.3).toFixed(3)}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

beforeAll(async () => {
  // Inside the repository, so the bundle's external packages (DuckDB bindings, yaml) resolve.
  await mkdir(join(root, "packages/cli/dist"), { recursive: true });
  bundleDir = await mkdtemp(join(root, "packages/cli/dist/bundle-test-"));
  dir = await mkdtemp(join(bundleDir, "data-"));
  const built = spawnSync(
    process.execPath,
    ["--import", "tsx", join(root, "scripts/build-cli.ts"), "--outdir", bundleDir],
    { cwd: root, encoding: "utf8" },
  );
  expect(built.status, built.stderr).toBe(0);
  for (const [side, shift] of [
    ["ref", 0],
    ["cur", 0.1],
  ] as const) {
    await writeFile(join(dir, `${side}.csv`), toCsv(300_000, shift));
  }
}, 120_000);

afterAll(async () => {
  await rm(bundleDir, { recursive: true, force: true });
});

const args = () => [
  "report",
  "-q",
  "-r",
  join(dir, "ref.csv"),
  "-c",
  join(dir, "cur.csv"),
  "--target",
  "label",
  "--prediction-proba",
  "score",
];

describe("the bundled sextant binary", () => {
  it("writes the same report with its worker thread as the sources compute in one thread", async () => {
    // A CPU profile per thread shows that the worker thread really ran (the report is the same without it).
    const profiles = join(dir, "profiles");
    const bundled = spawnSync(
      process.execPath,
      [
        "--cpu-prof",
        "--cpu-prof-dir",
        profiles,
        join(bundleDir, "sextant.js"),
        ...args(),
        "--json",
        join(dir, "bundled.json"),
      ],
      { encoding: "utf8" },
    );
    expect(bundled.status, bundled.stderr).toBe(0);
    expect(await readdir(profiles)).toHaveLength(2);
    const log: string[] = [];
    const code = await runCli([...args(), "--json", join(dir, "source.json")], {
      log: (l) => log.push(l),
      stdout: () => undefined,
    });
    expect(code, log.join("\n")).toBe(0);
    const read = async (name: string): Promise<Record<string, unknown>> => {
      const report = JSON.parse(await readFile(join(dir, name), "utf8")) as Record<string, unknown>;
      return { ...report, generated_at: null };
    };
    const report = await read("bundled.json");
    expect(report).toEqual(await read("source.json"));
    expect((report.inputs as { reference: { rows: number } }).reference.rows).toBe(300_000);
  }, 120_000);

  it("keeps the documented exit codes (usage error)", () => {
    const r = spawnSync(process.execPath, [join(bundleDir, "sextant.js"), "report", "--bogus"], {
      encoding: "utf8",
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Unknown option/);
  });
});
