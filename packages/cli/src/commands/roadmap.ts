/**
 * `sextant roadmap report|questionnaire`: the roadmap assessment from a running server (snapshot + export)
 * or offline from a facts file and a questionnaire file, and the questionnaire, interactive in a terminal
 * (answers pre-filled from facts) or read from a JSON file when stdin is not a TTY.
 */
import { readFile, writeFile } from "node:fs/promises";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import {
  assessRoadmap,
  DEFAULT_ROADMAP_RULESET,
  renderRoadmapMarkdown,
  type ObservedFacts,
  type RoadmapQuestionnaire,
} from "@sextant/core";
import { roadmapQuestionnaireSchema } from "@sextant/sdk";
import { exitCodes, UsageError } from "../exit-codes.js";
import { askQuestionnaire, type AskFn } from "../roadmap/questionnaire-prompts.js";

/** Help text of `sextant roadmap`. */
export const roadmapUsage = `Usage: sextant roadmap report --format md|html|json [--server URL --api-key KEY | --facts FILE --questionnaire FILE] [--out FILE]
       sextant roadmap questionnaire [--server URL --api-key KEY | --facts FILE] [--file ANSWERS.json] [--out FILE]

report         snapshots a new assessment on the server (or scores the files offline) and prints the export
questionnaire  asks the questions in a terminal, each pre-filled from the facts; without a TTY it reads
               --file (or stdin) as JSON; saves to the server, or writes --out / stdout
      --server URL    default $SEXTANT_URL;   --api-key KEY   default $SEXTANT_API_KEY
Exit codes: 0 ok, 2 usage error, 3 input error (file or server), 4 internal error`;

/** What the command talks to (injectable for tests). */
export interface RoadmapIo {
  readonly fetch: typeof fetch;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly isTty: boolean;
  readonly readStdin: () => Promise<string>;
  readonly ask?: AskFn;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Releases the terminal (closes the readline interface). */
  readonly close?: () => void;
}

const options = {
  format: { type: "string" },
  server: { type: "string" },
  "api-key": { type: "string" },
  facts: { type: "string" },
  questionnaire: { type: "string" },
  file: { type: "string" },
  out: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

class InputFailure extends Error {}

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, "utf8")) as unknown;
  } catch (error) {
    throw new InputFailure(`cannot read ${path}: ${(error as Error).message}`);
  }
}

function toQuestionnaire(value: unknown, where: string): RoadmapQuestionnaire {
  const parsed = roadmapQuestionnaireSchema.safeParse(value);
  if (!parsed.success)
    throw new InputFailure(
      `${where} is not a valid questionnaire: ${parsed.error.issues
        .map((i) => `${i.path.join(".")}: ${i.message}`)
        .slice(0, 5)
        .join("; ")}`,
    );
  return JSON.parse(JSON.stringify(parsed.data)) as RoadmapQuestionnaire;
}

/** A facts file holds ObservedFacts or the `GET /roadmap/facts` body. */
function toFacts(value: unknown): { facts: ObservedFacts; supplement: Record<string, unknown> } {
  const v = value as { facts?: ObservedFacts; supplement?: Record<string, unknown>; models?: unknown };
  if (v.facts !== undefined) return { facts: v.facts, supplement: v.supplement ?? {} };
  if (v.models !== undefined) return { facts: value as ObservedFacts, supplement: {} };
  throw new InputFailure("the facts file holds neither ObservedFacts nor a GET /roadmap/facts body");
}

function serverOf(
  values: { server?: string | undefined; "api-key"?: string | undefined },
  env: RoadmapIo["env"],
) {
  const url = typeof values.server === "string" ? values.server : env.SEXTANT_URL;
  if (url === undefined) return undefined;
  return {
    base: url.replace(/\/+$/, "") + "/api/v1",
    key: (typeof values["api-key"] === "string" ? values["api-key"] : env.SEXTANT_API_KEY) ?? "",
  };
}

async function call(
  io: RoadmapIo,
  server: { base: string; key: string },
  method: string,
  path: string,
  body?: unknown,
): Promise<string> {
  const response = await io.fetch(server.base + path, {
    method,
    headers: {
      authorization: `Bearer ${server.key}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok)
    throw new InputFailure(`${method} ${path}: HTTP ${response.status} ${text.slice(0, 500)}`);
  return text;
}

async function runReport(
  values: Record<string, string | boolean | undefined>,
  io: RoadmapIo,
): Promise<string> {
  const format = values.format ?? "md";
  if (format !== "md" && format !== "html" && format !== "json")
    throw new UsageError("--format must be md, html or json");
  const server = serverOf(values, io.env);
  if (server !== undefined && values.facts === undefined) {
    const created = JSON.parse(await call(io, server, "POST", "/roadmap/assessments", {})) as {
      assessment: { id: string };
    };
    return call(io, server, "GET", `/roadmap/assessments/${created.assessment.id}/report.${format}`);
  }
  if (typeof values.facts !== "string" || typeof values.questionnaire !== "string")
    throw new UsageError(
      "give --server URL (or $SEXTANT_URL), or both --facts FILE and --questionnaire FILE",
    );
  const { facts, supplement } = toFacts(await readJson(values.facts));
  const questionnaire = toQuestionnaire(await readJson(values.questionnaire), values.questionnaire);
  const assessment = assessRoadmap({
    id: "offline",
    at: new Date(),
    createdBy: questionnaire.answeredBy || "cli",
    facts,
    questionnaire,
    ruleset: DEFAULT_ROADMAP_RULESET,
    supplement,
  });
  if (format === "md") return renderRoadmapMarkdown(assessment);
  if (format === "json") return JSON.stringify({ assessment }, null, 2) + "\n";
  const { renderRoadmapHtml } = await import("@sextant/server");
  return renderRoadmapHtml(assessment, { sources: {} });
}

async function runQuestionnaire(
  values: Record<string, string | boolean | undefined>,
  io: RoadmapIo,
): Promise<string> {
  const server = serverOf(values, io.env);
  let start: RoadmapQuestionnaire | undefined;
  let hints: Record<string, unknown> = {};
  if (server !== undefined) {
    const state = JSON.parse(await call(io, server, "GET", "/roadmap/questionnaire")) as {
      questionnaire: unknown;
      prefilled: Record<string, { observed: unknown }>;
    };
    start = toQuestionnaire(state.questionnaire, "the server questionnaire");
    hints = Object.fromEntries(Object.entries(state.prefilled).map(([k, v]) => [k, v.observed]));
  } else if (typeof values.facts === "string") {
    const { buildDefaultQuestionnaire } = await import("@sextant/server");
    start = buildDefaultQuestionnaire(toFacts(await readJson(values.facts)).facts, new Date());
  }
  let answers: RoadmapQuestionnaire;
  if (typeof values.file === "string") answers = toQuestionnaire(await readJson(values.file), values.file);
  else if (io.isTty && io.ask !== undefined) {
    if (start === undefined)
      throw new UsageError("give --server URL or --facts FILE so the answers can be pre-filled");
    answers = await askQuestionnaire(io.ask, start, hints);
  } else answers = toQuestionnaire(JSON.parse(await io.readStdin()) as unknown, "stdin");
  const json = JSON.stringify(answers, null, 2) + "\n";
  if (server !== undefined) {
    const saved = JSON.parse(await call(io, server, "PUT", "/roadmap/questionnaire", answers)) as {
      revision: number;
      discrepancies: { text: string }[];
    };
    io.stderr(
      `saved questionnaire revision ${saved.revision}\n${saved.discrepancies.map((d) => `discrepancy: ${d.text}`).join("\n")}\n`,
    );
    return values.out === undefined ? "" : json;
  }
  return json;
}

function defaultIo(): RoadmapIo {
  const tty = process.stdin.isTTY && process.stdout.isTTY;
  const rl = tty ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
  return {
    fetch,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTty: tty,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString("utf8");
    },
    ...(rl === undefined
      ? {}
      : {
          ask: (q: string) => rl.question(q),
          close: () => {
            rl.close();
          },
        }),
    env: process.env,
  };
}

/** Runs `sextant roadmap …`; returns the exit code. */
export async function runRoadmapCommand(
  args: readonly string[],
  io: RoadmapIo = defaultIo(),
): Promise<number> {
  try {
    const [sub, ...rest] = args;
    const { values } = parseArgs({ args: [...rest], options, strict: true, allowPositionals: false });
    if (values.help === true || sub === undefined || sub === "help") {
      io.stdout(roadmapUsage + "\n");
      return sub === undefined ? exitCodes.usage : exitCodes.ok;
    }
    const output =
      sub === "report"
        ? await runReport(values, io)
        : sub === "questionnaire"
          ? await runQuestionnaire(values, io)
          : undefined;
    if (output === undefined) throw new UsageError(`unknown roadmap command ${sub}`);
    if (typeof values.out === "string") await writeFile(values.out, output);
    else io.stdout(output);
    return exitCodes.ok;
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error instanceof TypeError && /option|argument/i.test(error.message))
    ) {
      io.stderr(`${error.message}\n\n${roadmapUsage}\n`);
      return exitCodes.usage;
    }
    if (error instanceof InputFailure) {
      io.stderr(`${error.message}\n`);
      return exitCodes.input;
    }
    io.stderr(`internal error: ${(error as Error).message}\n`);
    return exitCodes.internal;
  } finally {
    io.close?.();
  }
}
