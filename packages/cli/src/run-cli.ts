/**
 * The CLI dispatcher: runs a command module loaded on demand (so `report` never loads the HTTP server
 * and `serve` never loads the report renderer) and maps errors to the documented exit codes.
 */
import { exitCodes, isUsageError } from "./exit-codes.js";
import type { CliOutput } from "./report-run.js";

const usage = `Usage: sextant <command> [options]

Commands
  report   drift, quality, performance and fairness report on files (HTML, JSON, Markdown)
  check    the report's computations plus tests; exit 1 when a test fails (CI gate)
  serve    run the Sextant server
  demo     run the server with the demo model on .sextant (--reset wipes it first)
  ingest   send a CSV, Parquet or JSON Lines file of predictions, labels or outcomes to a server
  monitors apply, export or offline-test monitors as code (YAML/JSON)
  roadmap  MLOps roadmap and maturity report, and the questionnaire

Run "sextant <command> --help" for a command's options. Exit codes: see docs/cli.md.`;

const processOutput: CliOutput = {
  log: (line) => process.stderr.write(`${line}\n`),
  stdout: (text) => process.stdout.write(text),
};

interface ServeModule {
  runServeCommand: (args: readonly string[]) => Promise<number>;
}

// A variable specifier keeps the compiler from requiring the serve module, which another package owns.
const serveModulePath = "./commands/serve.js";

async function dispatch(
  command: string | undefined,
  args: readonly string[],
  output: CliOutput,
): Promise<number> {
  switch (command) {
    case "report":
      return (await import("./commands/report.js")).runReportCommand(args, output);
    case "check":
      return (await import("./commands/check.js")).runCheckCommand(args, output);
    case "serve":
      return ((await import(serveModulePath)) as ServeModule).runServeCommand(args);
    case "demo":
      return (await import("./commands/demo.js")).runDemoCommand(args);
    case "ingest":
      return (await import("./commands/ingest.js")).runIngestCommand(args);
    case "monitors":
      return (await import("./commands/monitors.js")).runMonitorsCommand(args);
    case "roadmap":
      return (await import("./commands/roadmap.js")).runRoadmapCommand(args);
    case "--version":
    case "-v":
      output.stdout("0.1.0\n");
      return exitCodes.ok;
    case "help":
    case "--help":
    case "-h":
      output.stdout(`${usage}\n`);
      return exitCodes.ok;
    default:
      output.log(command === undefined ? usage : `unknown command "${command}"\n\n${usage}`);
      return exitCodes.usage;
  }
}

async function describeError(
  error: unknown,
  output: CliOutput,
  command: string | undefined,
): Promise<number> {
  if (isUsageError(error)) {
    output.log(`usage error: ${error.message}\nrun "sextant ${command ?? ""} --help" for the options`);
    return exitCodes.usage;
  }
  const server = await import("@sextant/server/report").catch(() => undefined);
  if (server?.isInputError(error) === true) {
    output.log(`input error [${error.code}]: ${error.message}`);
    for (const d of error.details) output.log(`  ${d}`);
    return exitCodes.input;
  }
  output.log(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return exitCodes.internal;
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function runCli(argv: readonly string[], output: CliOutput = processOutput): Promise<number> {
  try {
    return await dispatch(argv[0], argv.slice(1), output);
  } catch (error) {
    return describeError(error, output, argv[0]);
  }
}
