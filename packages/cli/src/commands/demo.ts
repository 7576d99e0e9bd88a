/**
 * `sextant demo`: serves the demo (what `npm start` runs): `sextant serve` on `.sextant` with demo
 * seeding on, which fills an empty data dir with the loan-default model. `sextant demo --reset` wipes
 * the data dir first, after a confirmation unless `--yes`; it refuses a directory that does not look
 * like a Sextant data dir so a typo cannot delete unrelated files.
 */
import { readdir, rm, stat } from "node:fs/promises";
import { resolve } from "node:path";
import { createInterface } from "node:readline/promises";
import { runServeCommand } from "./serve.js";

const usage = `Usage: sextant demo [--reset [--yes]] [--data-dir DIR] [serve options]

Serves Sextant with the demo workspace (loan-default: 30 days of traffic, drift from day 20) on
DIR (default .sextant); the demo is seeded when DIR is empty.
  --reset      delete DIR first (asks for confirmation)
  --yes, -y    do not ask
  --no-serve   with --reset: only delete, do not start the server
Other flags are passed to "sextant serve" (see sextant serve --help).`;

// Files a Sextant data dir holds; anything else in it means it is not one of ours.
const dataDirEntry = /^(sextant\.duckdb(\.wal)?|uploads|tmp|\.sextant-.*|.*\.duckdb(\.wal)?)$/;

function takeFlag(args: string[], ...names: string[]): boolean {
  const index = args.findIndex((arg) => names.includes(arg));
  if (index === -1) return false;
  args.splice(index, 1);
  return true;
}

function readDataDir(args: readonly string[]): string {
  const index = args.indexOf("--data-dir");
  const inline = args.find((arg) => arg.startsWith("--data-dir="));
  return (
    (index >= 0 ? args[index + 1] : inline?.slice("--data-dir=".length)) ??
    process.env.SEXTANT_DATA_DIR ??
    ".sextant"
  );
}

async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await prompt.question(question)).trim());
  } finally {
    prompt.close();
  }
}

/** Deletes a data dir after checking it holds only Sextant files; returns an exit code. */
async function resetDataDir(dataDir: string, assumeYes: boolean): Promise<number> {
  const path = resolve(dataDir);
  const exists = await stat(path)
    .then((info) => info.isDirectory())
    .catch(() => false);
  if (!exists) {
    process.stderr.write(`sextant demo: ${path} does not exist; nothing to reset\n`);
    return 0;
  }
  const foreign = (await readdir(path)).filter((entry) => !dataDirEntry.test(entry));
  if (foreign.length > 0) {
    process.stderr.write(
      `sextant demo: refusing to delete ${path}: it holds files Sextant did not write (${foreign.slice(0, 5).join(", ")})\n`,
    );
    return 3;
  }
  if (!assumeYes && !(await confirm(`Delete ${path} and every model, event and user in it? [y/N] `))) {
    process.stderr.write(`sextant demo: not reset (pass --yes to skip the question)\n`);
    return 1;
  }
  await rm(path, { recursive: true, force: true });
  process.stderr.write(`Deleted ${path}\n`);
  return 0;
}

/** Runs `sextant demo`; resolves with the exit code once the server has stopped. */
export async function runDemoCommand(args: readonly string[]): Promise<number> {
  const rest = [...args];
  if (takeFlag(rest, "--help", "-h")) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const reset = takeFlag(rest, "--reset");
  const assumeYes = takeFlag(rest, "--yes", "-y");
  const noServe = takeFlag(rest, "--no-serve");
  const dataDir = readDataDir(rest);
  if (reset) {
    const code = await resetDataDir(dataDir, assumeYes);
    if (code !== 0 || noServe) return code;
  }
  const withDataDir = rest.some((arg) => arg.startsWith("--data-dir"))
    ? rest
    : ["--data-dir", dataDir, ...rest];
  return runServeCommand(["--demo-enabled", "true", ...withDataDir]);
}
