/**
 * Parsing of the flags `report` and `check` share into a typed invocation: input files, roles, kind
 * overrides, drift settings and outputs. Malformed values raise `UsageError` (exit 2); whether named
 * columns exist is checked later, against the files (exit 3).
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import {
  driftMethodIds,
  driftPolicyIds,
  schemaColumnKinds,
  selectPolicyCorrection,
  type DriftMethodId,
  type DriftPolicyId,
  type MultipleTestingCorrection,
  type SchemaColumnKind,
  type ThresholdSettings,
} from "@sextant/core";
import { UsageError } from "./exit-codes.js";

/** Everything a report run needs from the command line. */
export interface ReportInvocation {
  readonly reference: string;
  readonly current: string;
  readonly format?: "csv" | "parquet" | "jsonl";
  readonly target?: string;
  readonly prediction?: string;
  readonly predictionProba: string[];
  readonly id?: string;
  readonly timestamp?: string;
  readonly segments: string[];
  readonly protected: string[];
  readonly schemaFile?: string;
  readonly saveSchemaFile?: string;
  readonly columnTypes: Record<string, SchemaColumnKind>;
  readonly driftMethods: Record<string, DriftMethodId>;
  readonly thresholds: ThresholdSettings;
  readonly policy: DriftPolicyId;
  readonly correction: MultipleTestingCorrection;
  readonly driftShareThreshold: number;
  readonly html?: string;
  readonly json?: string;
  readonly markdown?: string;
  readonly strict: boolean;
  readonly allowTypeErrors: boolean;
  readonly quiet: boolean;
}

/** The flags both commands accept (parseArgs options). */
export const reportOptions = {
  reference: { type: "string", short: "r" },
  current: { type: "string", short: "c" },
  format: { type: "string" },
  target: { type: "string" },
  prediction: { type: "string" },
  "prediction-proba": { type: "string", multiple: true },
  id: { type: "string" },
  timestamp: { type: "string" },
  segment: { type: "string", multiple: true },
  protected: { type: "string", multiple: true },
  schema: { type: "string" },
  "save-schema": { type: "string" },
  "column-type": { type: "string", multiple: true },
  "drift-method": { type: "string", multiple: true },
  threshold: { type: "string", multiple: true },
  "drift-policy": { type: "string" },
  correction: { type: "string" },
  "drift-share": { type: "string" },
  html: { type: "string" },
  json: { type: "string" },
  markdown: { type: "string" },
  strict: { type: "boolean" },
  "allow-type-errors": { type: "boolean" },
  quiet: { type: "boolean", short: "q" },
  help: { type: "boolean", short: "h" },
} as const satisfies ParseArgsConfig["options"];

type Values = Record<string, string | boolean | string[] | undefined>;

/** Parses argv with the given options, turning parseArgs errors into usage errors. */
export function parseFlags(
  args: readonly string[],
  options: NonNullable<ParseArgsConfig["options"]>,
): Values {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: false, strict: true }).values as Values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function list(values: Values, key: string): string[] {
  const raw = values[key];
  const items = Array.isArray(raw) ? raw : typeof raw === "string" ? [raw] : [];
  return items
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v !== "");
}

function optional(values: Values, key: string): string | undefined {
  const v = values[key];
  return typeof v === "string" ? v : undefined;
}

function splitPair(flag: string, text: string): [string, string] {
  const at = text.lastIndexOf("=");
  if (at <= 0 || at === text.length - 1)
    throw new UsageError(`--${flag} expects COLUMN=VALUE, got "${text}"`);
  return [text.slice(0, at), text.slice(at + 1)];
}

function toNumber(flag: string, text: string): number {
  const n = Number(text);
  if (text.trim() === "" || !Number.isFinite(n))
    throw new UsageError(`--${flag} expects a number, got "${text}"`);
  return n;
}

function choose<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(`--${flag} must be one of ${allowed.join(", ")}, got "${value}"`);
  return value as T;
}

function parseThresholds(items: readonly string[]): ThresholdSettings {
  const byColumn: Record<string, number> = {};
  const byKind: Record<string, number> = {};
  let global: number | undefined;
  for (const item of items) {
    if (!item.includes("=")) {
      global = toNumber("threshold", item);
      continue;
    }
    const [key, value] = splitPair("threshold", item);
    if (key.startsWith("kind:")) {
      const kind = choose(
        "threshold",
        key.slice(5),
        ["numeric", "categorical", "embedding"] as const,
        "numeric",
      );
      byKind[kind] = toNumber("threshold", value);
    } else byColumn[key] = toNumber("threshold", value);
  }
  return { byColumn, byKind, ...(global === undefined ? {} : { global }) };
}

/** Builds the invocation from parsed flag values. */
export function toReportInvocation(values: Values): ReportInvocation {
  const reference = optional(values, "reference");
  const current = optional(values, "current");
  if (reference === undefined || current === undefined)
    throw new UsageError("both --reference FILE and --current FILE are required");
  const columnTypes: Record<string, SchemaColumnKind> = {};
  for (const item of list(values, "column-type")) {
    const [column, kind] = splitPair("column-type", item);
    columnTypes[column] = choose("column-type", kind, schemaColumnKinds, "numeric");
  }
  const driftMethods: Record<string, DriftMethodId> = {};
  for (const item of list(values, "drift-method")) {
    const [column, method] = splitPair("drift-method", item);
    driftMethods[column] = choose("drift-method", method, driftMethodIds, "ks");
  }
  const policy = choose("drift-policy", optional(values, "drift-policy"), driftPolicyIds, "auto");
  const shareText = optional(values, "drift-share");
  const driftShareThreshold = shareText === undefined ? 0.5 : toNumber("drift-share", shareText);
  const format = optional(values, "format");
  const pick = (key: string) => {
    const v = optional(values, key);
    return v === undefined
      ? {}
      : { [key === "save-schema" ? "saveSchemaFile" : key === "schema" ? "schemaFile" : key]: v };
  };
  return {
    reference,
    current,
    ...(format === undefined
      ? {}
      : { format: choose("format", format, ["csv", "parquet", "jsonl"] as const, "csv") }),
    ...pick("target"),
    ...pick("prediction"),
    predictionProba: list(values, "prediction-proba"),
    ...pick("id"),
    ...pick("timestamp"),
    segments: list(values, "segment"),
    protected: list(values, "protected"),
    ...pick("schema"),
    ...pick("save-schema"),
    columnTypes,
    driftMethods,
    thresholds: parseThresholds(list(values, "threshold")),
    policy,
    correction: choose(
      "correction",
      optional(values, "correction"),
      ["none", "bonferroni", "benjamini_hochberg"] as const,
      selectPolicyCorrection(policy),
    ),
    driftShareThreshold,
    ...pick("html"),
    ...pick("json"),
    ...pick("markdown"),
    strict: values.strict === true,
    allowTypeErrors: values["allow-type-errors"] === true,
    quiet: values.quiet === true,
  };
}
