/**
 * `sextant monitors`: monitors as code. `apply -f FILE [--prune] [--dry-run]` makes a running server's
 * monitors match a YAML/JSON file (idempotent; dry-run prints the diff), `export` writes the server's
 * monitors in the same format, `test -f FILE` replays fixture series offline through core's evaluation.
 * Talks to the server only through the `@sextant/sdk` client.
 */
import { readFile, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { createSextantClient, SextantApiError, type Monitor, type SextantClient } from "@sextant/sdk";
import { parse as parseYaml, stringify as toYaml } from "yaml";
import { exitCodes } from "../exit-codes.js";
import {
  computeMonitorPlan,
  parseMonitorFile,
  renderMonitorPlan,
  toMonitorFileEntry,
  type PlanStep,
} from "../monitors/monitor-plan.js";
import { parseReplayTests, runReplayTest } from "../monitors/monitor-replay-tests.js";

/** Where the command writes (tests pass their own). */
export interface MonitorsCommandIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly fetch?: Parameters<typeof createSextantClient>[0]["fetch"];
}

/** Help text of `sextant monitors`. */
export const monitorsUsage = `Usage: sextant monitors <apply|export|test> [options]

  apply -f FILE [--prune] [--dry-run]   make the server's monitors match FILE (YAML or JSON)
        --prune                          also delete monitors of the file's models that FILE does not list
        --dry-run                        print the diff, change nothing
  export [--model ID]... [-o FILE]       write the server's monitors in the file format (default stdout)
  test -f FILE                           replay fixture series through the monitor evaluation, offline

Server options (apply, export)
  --server URL      server origin (default $SEXTANT_SERVER or http://127.0.0.1:8080)
  --api-key KEY     API key (default $SEXTANT_API_KEY)
Exit codes: 0 ok, 1 a test failed or the server refused a change, 2 usage error, 3 input error, 4 internal error`;

const options = {
  file: { type: "string", short: "f" },
  output: { type: "string", short: "o" },
  model: { type: "string", multiple: true },
  prune: { type: "boolean" },
  "dry-run": { type: "boolean" },
  server: { type: "string" },
  "api-key": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

async function readStructuredFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new Error(`cannot read ${path}`, { cause: error });
  }
  try {
    return /\.json$/i.test(path) ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new Error(`cannot parse ${path}: ${(error as Error).message}`, { cause: error });
  }
}

async function listAllPages<T>(load: (offset: number) => Promise<{ items: T[]; page: { total: number } }>) {
  const items: T[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = await load(offset);
    items.push(...page.items);
    if (page.items.length === 0 || items.length >= page.page.total) return items;
  }
}

async function listModelMonitors(client: SextantClient, modelId: string): Promise<Monitor[]> {
  return listAllPages((offset) =>
    client.call("listModelMonitors", { params: { modelId }, query: { limit: 200, offset } }),
  );
}

async function applyStep(client: SextantClient, step: PlanStep): Promise<void> {
  if (step.action === "create") {
    const { model, ...body } = step.body;
    await client.call("createMonitor", { params: { modelId: model }, body });
  } else if (step.action === "update") {
    const body = Object.fromEntries(step.changes.map((change) => [change.field, change.to]));
    await client.call("updateMonitor", { params: { id: step.monitorId }, body });
  } else {
    await client.call("deleteMonitor", { params: { id: step.monitorId } });
  }
}

async function runApply(client: SextantClient, values: Values, io: MonitorsCommandIo): Promise<number> {
  const desired = parseMonitorFile(await readStructuredFile(requireFile(values)));
  const modelIds = [...new Set(desired.map((entry) => entry.model))];
  const current = (await Promise.all(modelIds.map((id) => listModelMonitors(client, id)))).flat();
  const steps = computeMonitorPlan({ desired, current, prune: values.prune === true });
  io.stdout(renderMonitorPlan(steps));
  if (values["dry-run"] === true) return exitCodes.ok;
  for (const step of steps) await applyStep(client, step);
  if (steps.length > 0) io.stdout(`applied ${steps.length} change(s)\n`);
  return exitCodes.ok;
}

async function runExport(client: SextantClient, values: Values, io: MonitorsCommandIo): Promise<number> {
  const modelIds =
    values.model ??
    (await listAllPages((offset) => client.call("listModels", { query: { limit: 200, offset } }))).map(
      (model) => model.id,
    );
  const monitors = (await Promise.all(modelIds.map((id) => listModelMonitors(client, id)))).flat();
  const text = toYaml({ apiVersion: "sextant/v1", monitors: monitors.map(toMonitorFileEntry) });
  if (values.output === undefined) io.stdout(text);
  else await writeFile(values.output, text, "utf8");
  return exitCodes.ok;
}

async function runTests(values: Values, io: MonitorsCommandIo): Promise<number> {
  const tests = parseReplayTests(await readStructuredFile(requireFile(values)));
  let failed = 0;
  for (const outcome of tests.map(runReplayTest)) {
    if (outcome.failures.length === 0) {
      io.stdout(`PASS ${outcome.name}\n`);
      continue;
    }
    failed += 1;
    io.stdout(`FAIL ${outcome.name}\n${outcome.failures.map((line) => `  ${line}\n`).join("")}`);
  }
  io.stdout(`${tests.length - failed} passed, ${failed} failed\n`);
  return failed === 0 ? exitCodes.ok : exitCodes.checkFailed;
}

type Values = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>["values"];

class UsageProblem extends Error {}

function requireFile(values: Values): string {
  if (values.file === undefined) throw new UsageProblem("-f FILE is required");
  return values.file;
}

function isUsageProblem(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof UsageProblem || (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS"));
}

/** Maps an error to its message and exit code: usage 2, refused by the server 1, bad file 3, unreachable 5, else 4. */
function reportError(error: unknown, io: MonitorsCommandIo): number {
  const message = error instanceof Error ? error.message : String(error);
  if (isUsageProblem(error)) {
    io.stderr(`sextant monitors: ${message}\n\n${monitorsUsage}\n`);
    return exitCodes.usage;
  }
  if (error instanceof SextantApiError) {
    const details = (error.problem.errors ?? []).map((e) => `\n  ${e.path}: ${e.message}`).join("");
    io.stderr(`sextant monitors: the server refused: ${message}${details}\n`);
    return exitCodes.checkFailed;
  }
  // fetch rejects with a TypeError when the server cannot be reached.
  const unreachable = error instanceof TypeError;
  io.stderr(`sextant monitors: ${unreachable ? `cannot reach the server: ${message}` : message}\n`);
  if (unreachable) return exitCodes.serverUnavailable;
  return error instanceof Error ? exitCodes.input : exitCodes.internal;
}

const processIo: MonitorsCommandIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  env: process.env,
};

/** Runs `sextant monitors` with its arguments and returns the exit code. */
export async function runMonitorsCommand(
  args: readonly string[],
  io: MonitorsCommandIo = processIo,
): Promise<number> {
  try {
    const { values, positionals } = parseArgs({ args: [...args], options, allowPositionals: true });
    const [action, ...rest] = positionals;
    if (values.help === true) {
      io.stdout(`${monitorsUsage}\n`);
      return exitCodes.ok;
    }
    if (rest.length > 0) throw new UsageProblem(`unexpected argument ${rest[0] ?? ""}`);
    if (action === "test") return await runTests(values, io);
    if (action !== "apply" && action !== "export") {
      throw new UsageProblem(action === undefined ? "missing action" : `unknown action "${action}"`);
    }
    const apiKey = values["api-key"] ?? io.env.SEXTANT_API_KEY;
    const client = createSextantClient({
      baseUrl: values.server ?? io.env.SEXTANT_SERVER ?? "http://127.0.0.1:8080",
      headers: apiKey === undefined || apiKey === "" ? {} : { authorization: `Bearer ${apiKey}` },
      ...(io.fetch === undefined ? {} : { fetch: io.fetch }),
    });
    return action === "apply" ? await runApply(client, values, io) : await runExport(client, values, io);
  } catch (error) {
    return reportError(error, io);
  }
}
