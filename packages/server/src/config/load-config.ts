/**
 * Loads the configuration: schema defaults < JSON file (--config or SEXTANT_CONFIG) < SEXTANT_*
 * environment variables < command-line flags. The only module that reads `process.env`.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { configSchema, type Config } from "./config-schema.js";

/** A configuration key: its path, environment variable, flag, description and default. */
export interface ConfigKey {
  readonly path: readonly string[];
  readonly env: string;
  readonly flag: string;
  readonly description: string;
  readonly defaultValue: unknown;
}

/** A configuration that could not be loaded; the message names every bad key. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

function toKebab(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

function unwrapSchema(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (current instanceof z.ZodDefault || current instanceof z.ZodPrefault) {
    current = current.def.innerType as z.ZodType;
  }
  return current;
}

/** Every leaf key of the configuration schema, with its env variable and flag names. */
export function listConfigKeys(): ConfigKey[] {
  const keys: ConfigKey[] = [];
  const defaults = configSchema.parse({}) as Record<string, unknown>;
  const visit = (schema: z.ZodObject, prefix: string[]): void => {
    for (const [name, field] of Object.entries(schema.shape)) {
      const path = [...prefix, name];
      const inner = unwrapSchema(field as z.ZodType);
      if (inner instanceof z.ZodObject) {
        visit(inner, path);
        continue;
      }
      keys.push({
        path,
        env: `SEXTANT_${path.map((part) => toKebab(part).replaceAll("-", "_").toUpperCase()).join("_")}`,
        flag: `--${path.map(toKebab).join("-")}`,
        description: (field as z.ZodType).description ?? "",
        defaultValue: path.reduce<unknown>(
          (value, part) => (value as Record<string, unknown>)[part],
          defaults,
        ),
      });
    }
  };
  visit(configSchema, []);
  return keys;
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const part of path.slice(0, -1)) {
    const next = node[part];
    node[part] = typeof next === "object" && next !== null ? next : {};
    node = node[part] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}

function mergeDeep(base: Record<string, unknown>, layer: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(layer)) {
    const existing = out[key];
    out[key] =
      typeof value === "object" &&
      value !== null &&
      !Array.isArray(value) &&
      typeof existing === "object" &&
      existing !== null
        ? mergeDeep(existing as Record<string, unknown>, value as Record<string, unknown>)
        : value;
  }
  return out;
}

/** Splits `--flag value` / `--flag=value` arguments into the config layer and the rest. */
function parseFlags(
  argv: readonly string[],
  keys: readonly ConfigKey[],
): { layer: Record<string, unknown>; configFile?: string } {
  const byFlag = new Map(keys.map((key) => [key.flag, key]));
  const layer: Record<string, unknown> = {};
  let configFile: string | undefined;
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index]!;
    const [flag, inlineValue] = argument.includes("=") ? argument.split(/=(.*)/s, 2) : [argument, undefined];
    const key = byFlag.get(flag);
    if (key === undefined && flag !== "--config") throw new ConfigError(`unknown option ${flag}`);
    const value = inlineValue ?? argv[index + 1];
    if (value === undefined) throw new ConfigError(`option ${flag} needs a value`);
    if (inlineValue === undefined) index += 1;
    if (key === undefined) configFile = value;
    else setPath(layer, key.path, value);
  }
  return configFile === undefined ? { layer } : { layer, configFile };
}

function readConfigFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new ConfigError(`cannot read config file ${path}: ${(error as Error).message}`);
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
      throw new Error("not an object");
    return parsed as Record<string, unknown>;
  } catch (error) {
    throw new ConfigError(`config file ${path} is not a JSON object: ${(error as Error).message}`);
  }
}

/** Loads and validates the configuration from flags, environment and an optional JSON file. */
export function loadConfig(
  options: {
    argv?: readonly string[];
    env?: Readonly<Record<string, string | undefined>>;
  } = {},
): Config {
  const env = options.env ?? process.env;
  const keys = listConfigKeys();
  const flags = parseFlags(options.argv ?? [], keys);
  const envLayer: Record<string, unknown> = {};
  for (const key of keys) {
    const value = env[key.env];
    if (value !== undefined && value !== "") setPath(envLayer, key.path, value);
  }
  const configFile = flags.configFile ?? env.SEXTANT_CONFIG;
  const fileLayer = configFile === undefined || configFile === "" ? {} : readConfigFile(configFile);
  const merged = mergeDeep(mergeDeep(fileLayer, envLayer), flags.layer);
  const result = configSchema.safeParse(merged);
  if (!result.success) {
    const lines = result.error.issues.map(
      (issue) => `  ${issue.path.join(".") || "(root)"}: ${issue.message}`,
    );
    throw new ConfigError(`invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

/** A help text listing every option with its flag, environment variable, default and meaning. */
export function describeConfigOptions(): string {
  return listConfigKeys()
    .map(
      (key) =>
        `  ${key.flag} <value>  (env ${key.env}, default ${JSON.stringify(key.defaultValue)})\n      ${key.description}`,
    )
    .join("\n");
}
