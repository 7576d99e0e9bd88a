/**
 * Starts a throwaway PostgreSQL server for tests: initdb into a temporary directory, pg_ctl on a free
 * port on 127.0.0.1 with fsync off (unless asked), trust auth; stopped and removed by `stop()`. As root (CI), every
 * PostgreSQL binary runs as the `postgres` user through runuser, because initdb refuses root.
 */
import { execFile } from "node:child_process";
import { chown, mkdtemp, readdir, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** A running throwaway server. */
export interface PostgresTestServer {
  /** Connection URL of the `postgres` database as the `postgres` superuser. */
  readonly url: string;
  /** The same database over the server's Unix-domain socket (in its temporary directory). */
  readonly socketUrl: string;
  readonly port: number;
  /** Stops the server and removes its directory. */
  stop(): Promise<void>;
}

/** The bin directory of the newest installed PostgreSQL (SEXTANT_PG_BIN overrides). */
export async function findPostgresBinDir(): Promise<string> {
  const override = process.env.SEXTANT_PG_BIN;
  if (override !== undefined && override !== "") return override;
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? await readdir(root) : [];
  const found = versions
    .filter((version) => existsSync(join(root, version, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  if (found[0] === undefined) {
    throw new Error("no PostgreSQL found under /usr/lib/postgresql (apt-get install postgresql)");
  }
  return join(root, found[0], "bin");
}

async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

async function lookUpPostgresUser(): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([run("id", ["-u", "postgres"]), run("id", ["-g", "postgres"])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** Starts a fresh server (about 1 s); retries on a port taken between probe and start. */
export async function startPostgresTestServer(
  options: { readonly fsync?: boolean } = {},
): Promise<PostgresTestServer> {
  const durability =
    options.fsync === true ? [] : ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"];
  const bin = await findPostgresBinDir();
  const asRoot = process.getuid?.() === 0;
  const dir = await mkdtemp(join(tmpdir(), "sextant-pg-"));
  if (asRoot) {
    const user = await lookUpPostgresUser();
    await chown(dir, user.uid, user.gid);
  }
  const exec = (tool: string, args: string[]) =>
    asRoot ? run("runuser", ["-u", "postgres", "--", join(bin, tool), ...args]) : run(join(bin, tool), args);
  const data = join(dir, "data");
  try {
    await exec("initdb", [
      "-D",
      data,
      "-U",
      "postgres",
      "--auth=trust",
      "-E",
      "UTF8",
      "--locale=C.UTF-8",
      "--no-sync",
      "--no-instructions",
    ]);
    for (let attempt = 1; ; attempt += 1) {
      const port = await findFreePort();
      const options = [
        "-c listen_addresses=127.0.0.1",
        `-p ${port}`,
        `-k ${dir}`,
        ...durability,
        "-c max_connections=200",
      ].join(" ");
      try {
        await exec("pg_ctl", ["-D", data, "-l", join(dir, "log"), "-w", "-o", options, "start"]);
      } catch (error) {
        if (attempt < 3) continue;
        throw error;
      }
      return {
        url: `postgres://postgres@127.0.0.1:${port}/postgres`,
        socketUrl: `postgres://postgres@/postgres?host=${encodeURIComponent(dir)}&port=${port}`,
        port,
        async stop() {
          await exec("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]).catch(() => undefined);
          await rm(dir, { recursive: true, force: true });
        },
      };
    }
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
