import { spawnSync } from "node:child_process";
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The `sextant` launcher (packages/cli/bin/sextant): how it starts Node for each command, checked with a
// stand-in `node` on PATH that prints what it was given, and end to end with the real Node and bundle.
const launcher = fileURLToPath(new URL("../bin/sextant", import.meta.url));
let dir = "";

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "sextant-launcher-"));
  await mkdir(join(dir, "fake"));
  await writeFile(
    join(dir, "fake", "node"),
    '#!/bin/sh\necho "args: $*"\necho "ca: ${NODE_EXTRA_CA_CERTS-unset}"\nexit 7\n',
  );
  await chmod(join(dir, "fake", "node"), 0o755);
  // npm installs the command as a relative symbolic link, sometimes through a linked package directory.
  await mkdir(join(dir, "bin"));
  await symlink(launcher, join(dir, "bin", "sextant"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function runFake(command: string, args: string[]) {
  return spawnSync(command, args, {
    encoding: "utf8",
    env: { ...process.env, PATH: `${join(dir, "fake")}:/usr/bin:/bin`, NODE_EXTRA_CA_CERTS: "/x/ca.pem" },
  });
}

describe("sextant launcher", () => {
  it("starts report and check without the extra CA bundle and with compilation on the running thread", () => {
    for (const command of ["report", "check"]) {
      const r = runFake(launcher, [command, "-r", "a b.csv"]);
      expect(r.status).toBe(7); // the exit code passes through
      const script = launcher.replace(/sextant$/, "../dist/sextant.js");
      expect(r.stdout).toContain(`args: --no-concurrent-recompilation ${script} ${command} -r a b.csv\n`);
      expect(r.stdout).toContain("ca: unset");
    }
  });

  it("starts every other command with the environment and Node's flags unchanged", () => {
    for (const args of [["serve", "--port", "1"], ["ingest", "f.csv"], ["--version"], []]) {
      const r = runFake(launcher, args);
      expect(r.status).toBe(7);
      expect(r.stdout).not.toContain("--no-concurrent-recompilation");
      expect(r.stdout).toMatch(/args: \S*dist\/sextant\.js/);
      expect(r.stdout).toContain("ca: /x/ca.pem");
    }
  });

  it("finds the bundle through a symbolic link and runs the real CLI with its exit codes", () => {
    const linked = join(dir, "bin", "sextant");
    const version = spawnSync(linked, ["--version"], { encoding: "utf8" });
    expect(version.status, version.stderr).toBe(0);
    expect(version.stdout).toBe("0.1.0\n");
    const usage = spawnSync(linked, ["report", "--bogus"], { encoding: "utf8" });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("usage error");
    const missing = spawnSync(linked, ["report", "-r", join(dir, "none.csv"), "-c", join(dir, "none.csv")], {
      encoding: "utf8",
    });
    expect(missing.status).toBe(3);
    expect(missing.stderr).toContain("FILE_NOT_FOUND");
  });
});
