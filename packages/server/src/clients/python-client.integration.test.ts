/**
 * Runs the Python client's unittest suite (clients/python/tests) with Debian's /usr/bin/python3 so
 * `npm test` covers it; the Python tests start their own real server (tests/server_fixture.py).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
const python = process.env.SEXTANT_PYTHON ?? "/usr/bin/python3";

describe("clients/python (sextant_client)", () => {
  it("passes its unittest suite against a real server", () => {
    expect(existsSync(python), `${python} is required for the Python client tests`).toBe(true);
    const run = spawnSync(python, ["-m", "unittest", "discover", "-s", "clients/python/tests", "-v"], {
      cwd: repoRoot,
      encoding: "utf8",
      timeout: 180_000,
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" },
    });
    const output = `${run.stdout}${run.stderr}`;
    const summary = output.split("\n").filter((line) => /^(Ran \d+ tests|OK|FAILED)/.test(line));
    process.stdout.write(`python client: ${summary.join(" · ")}\n`);
    expect(run.status, output).toBe(0);
    expect(output).toMatch(/Ran \d+ tests/);
  });
});
