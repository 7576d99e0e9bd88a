import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configSchema } from "./config-schema.js";
import { ConfigError, describeConfigOptions, listConfigKeys, loadConfig } from "./load-config.js";

function writeConfigFile(content: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), "sextant-config-")), "config.json");
  writeFileSync(path, JSON.stringify(content));
  return path;
}

describe("loadConfig", () => {
  it("uses the schema defaults when nothing is given", () => {
    const config = loadConfig({ argv: [], env: {} });
    expect(config).toEqual(configSchema.parse({}));
    expect(config.ingest.maxBufferedRows).toBe(50_000);
  });

  it("layers file < environment < flags", () => {
    const file = writeConfigFile({ port: 1000, host: "0.0.0.0", duckdb: { threads: 4, memoryLimit: "2GB" } });
    const config = loadConfig({
      argv: ["--config", file, "--port", "3000", "--duckdb-memory-limit=512MB"],
      env: { SEXTANT_PORT: "2000", SEXTANT_DUCKDB_THREADS: "3", SEXTANT_DEMO_ENABLED: "false" },
    });
    expect(config).toMatchObject({
      port: 3000,
      host: "0.0.0.0",
      duckdb: { threads: 3, memoryLimit: "512MB" },
      demo: { enabled: false },
    });
  });

  it("reads the config file named by SEXTANT_CONFIG", () => {
    expect(
      loadConfig({ env: { SEXTANT_CONFIG: writeConfigFile({ dataDir: "/srv/sextant" }) } }).dataDir,
    ).toBe("/srv/sextant");
  });

  it.each([
    [["--port", "99999"], "port"],
    [["--bogus", "1"], "unknown option --bogus"],
    [["--port"], "needs a value"],
    [["--duckdb-memory-limit", "lots"], "duckdb.memoryLimit"],
  ])("refuses %j naming the problem", (argv, message) => {
    expect(() => loadConfig({ argv, env: {} })).toThrow(ConfigError);
    expect(() => loadConfig({ argv, env: {} })).toThrow(message);
  });

  it("refuses unknown keys in the file and unreadable files", () => {
    expect(() => loadConfig({ argv: ["--config", writeConfigFile({ prot: 1 })], env: {} })).toThrow(
      ConfigError,
    );
    expect(() => loadConfig({ argv: ["--config", "/nonexistent/sextant.json"], env: {} })).toThrow(
      "cannot read",
    );
  });

  it("describes every leaf key with a flag, an env variable and a description", () => {
    const keys = listConfigKeys();
    expect(keys.map((key) => key.flag)).toContain("--ingest-max-buffered-rows");
    expect(keys.map((key) => key.env)).toContain("SEXTANT_INGEST_MAX_BUFFERED_ROWS");
    for (const key of keys) expect(key.description.length).toBeGreaterThan(10);
    expect(describeConfigOptions()).toContain("--data-dir");
  });
});
