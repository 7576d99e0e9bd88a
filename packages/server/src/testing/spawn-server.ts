/** Starts testing/child-server.ts in a child process and resolves with its URL once it listens. */
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createInterface } from "node:readline";
import { testAdminApiKey } from "./test-app.js";

/** A server child process. */
export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Resolves with the exit code or signal once the process has exited. */
  readonly exited: Promise<number | string>;
}

const entry = fileURLToPath(new URL("./child-server.ts", import.meta.url));

/** The compiled entry (`tsc -b` output), for benchmarks that measure the server as it ships. */
const compiledEntry = fileURLToPath(new URL("../../dist/testing/child-server.js", import.meta.url));

/**
 * Spawns a server with the given flags (e.g. --data-dir, --port 0, --demo-enabled false): from the
 * TypeScript sources through tsx, or with `compiled` the `tsc -b` output as it ships (the caller builds
 * first); `nodeArgs` go to Node.
 */
export function spawnServer(
  args: readonly string[],
  options: { stderr?: "inherit" | "ignore"; nodeArgs?: readonly string[]; compiled?: boolean } = {},
): Promise<ServerProcess> {
  const nodeArgs = [
    ...(options.nodeArgs ?? []),
    ...(options.compiled === true ? [] : ["--conditions=source", "--import", "tsx"]),
  ];
  const child = spawn(
    process.execPath,
    [...nodeArgs, options.compiled === true ? compiledEntry : entry, ...args],
    {
      stdio: ["ignore", "pipe", options.stderr ?? "ignore"],
      // Authenticates test clients (Authorization: Bearer testAdminApiKey) unless the caller set a key.
      env: { SEXTANT_ADMIN_API_KEY: testAdminApiKey, ...process.env },
    },
  );
  const exited = new Promise<number | string>((resolve) => {
    child.once("exit", (code, signal) => {
      resolve(signal ?? code ?? -1);
    });
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error("the server did not start within 60 s"));
    }, 60_000);
    lines.on("line", (line) => {
      if (!line.startsWith('{"url"')) return;
      clearTimeout(timer);
      resolve({ url: (JSON.parse(line) as { url: string }).url, child, exited });
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited before listening (${code})`));
    });
  });
}
