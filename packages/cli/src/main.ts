#!/usr/bin/env node
/** The `sextant` binary: runs the CLI and sets the documented exit code (docs/cli.md). */
import { runCli } from "./run-cli.js";

process.exitCode = await runCli(process.argv.slice(2));
