/**
 * Follows docs/getting-started.md literally: extracts its `bash` blocks in order, starts the server block
 * (`sextant demo`) in the background on a fresh data dir and a free port, runs every other block in one
 * bash script, and checks the printed outcome (a firing drift result and an open incident).
 * Substitutions, all mechanical: port 8080 → a free port, `.sextant` → a temp dir, `npx sextant` → a
 * `sextant` on PATH that runs the CLI from source, `npm install` skipped (already done), and a small demo
 * (1 day, 20 predictions/hour) through SEXTANT_DEMO_* so the start is quick.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

function extractBashBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```bash\n([\s\S]*?)```/g)].map((match) => match[1] ?? "");
}

function findFreePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => {
        resolve(typeof address === "object" && address !== null ? address.port : 0);
      });
    });
  });
}

const shim = `import { pathToFileURL } from "node:url";
const [command, ...args] = process.argv.slice(2);
const src = process.env.SEXTANT_CLI_SRC;
const own = { ingest: ["commands/ingest.ts", "runIngestCommand"], demo: ["commands/demo.ts", "runDemoCommand"] };
const target = own[command];
if (target) {
  const module = await import(pathToFileURL(src + "/" + target[0]).href);
  process.exitCode = await module[target[1]](args);
} else {
  const { runCli } = await import(pathToFileURL(src + "/run-cli.ts").href);
  process.exitCode = await runCli([command, ...args]);
}
`;

let work = "";
let server: ChildProcess | undefined;

afterAll(async () => {
  if (server?.pid !== undefined) process.kill(-server.pid, "SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 1000));
  if (work !== "") await rm(work, { recursive: true, force: true });
});

async function startServerBlock(block: string, env: NodeJS.ProcessEnv): Promise<string> {
  const script = block
    .split("\n")
    .filter((line) => !line.startsWith("npm install"))
    .join("\n");
  server = spawn("bash", ["-c", script], {
    cwd: repoRoot,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`the server did not start within 150 s:\n${output}`));
    }, 150_000);
    server?.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const url = /Sextant is running at (\S+)/.exec(output)?.[1];
      if (url !== undefined) {
        clearTimeout(timer);
        resolve(url);
      }
    });
    server?.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  });
}

describe("docs/getting-started.md", () => {
  it("runs step by step on a fresh data dir up to an open drift incident", async () => {
    work = await mkdtemp(join(tmpdir(), "sextant-getting-started-"));
    const port = String(await findFreePort());
    await writeFile(join(work, "sextant-shim.mjs"), shim);
    const bin = join(work, "bin");
    spawnSync("mkdir", ["-p", bin]);
    await writeFile(
      join(bin, "sextant"),
      `#!/bin/sh\nexec node --conditions=source --import tsx "${join(work, "sextant-shim.mjs")}" "$@"\n`,
    );
    await chmod(join(bin, "sextant"), 0o755);
    const doc = await readFile(join(repoRoot, "docs/getting-started.md"), "utf8");
    const blocks = extractBashBlocks(doc).map((block) =>
      block
        .replaceAll("8080", port)
        .replaceAll("--data-dir .sextant", `--data-dir ${join(work, "data")}`)
        .replaceAll("npx sextant", "sextant"),
    );
    expect(blocks.length).toBeGreaterThanOrEqual(7);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PATH: `${bin}:${process.env.PATH ?? ""}`,
      SEXTANT_CLI_SRC: join(repoRoot, "packages/cli/src"),
      SEXTANT_DEMO_DAYS: "1",
      SEXTANT_DEMO_PREDICTIONS_PER_HOUR: "20",
      SEXTANT_LOG_LEVEL: "warn",
      NODE_OPTIONS: "",
    };
    delete env.SEXTANT_ADMIN_API_KEY;
    const [startBlock, ...rest] = blocks;
    // The start block exports the admin key; the second terminal gets the same key, as the doc says.
    const key = "sxk_getting-started-0123456789abcdefghijkl";
    const url = await startServerBlock(
      (startBlock ?? "").replace(/export SEXTANT_ADMIN_API_KEY=.*/, `export SEXTANT_ADMIN_API_KEY=${key}`),
      env,
    );
    expect(url).toBe(`http://127.0.0.1:${port}`);
    await writeFile(join(work, "steps.sh"), `set -euo pipefail\n${rest.join("\n")}`);
    const run = spawnSync("bash", [join(work, "steps.sh")], {
      cwd: repoRoot,
      env: { ...env, SEXTANT_ADMIN_API_KEY: key },
      encoding: "utf8",
      timeout: 240_000,
    });
    const output = `${run.stdout}\n${run.stderr}`;
    process.stdout.write(`getting-started output:\n${output}\n`);
    expect(run.status, output).toBe(0);
    expect(output).toContain("loan-default");
    expect(output).toMatch(/Inferred the schema from 1000 rows/);
    expect(output).toMatch(/monthly_charges: feature numeric/);
    expect(output).toMatch(/Stored reference "training" .* 2,000 rows/);
    expect(output).toMatch(/python: sent 600 predictions, 600 stored, 0 failed/);
    expect(output).toMatch(/typescript: sent 600 predictions, 600 stored, 0 failed/);
    expect(output).toMatch(/'firing'/);
    expect(output).toMatch(/\('inc_\w+', 'open', '(warning|critical)'/);
  });
});
