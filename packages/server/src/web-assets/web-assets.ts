/**
 * Serves the built web UI (packages/web/dist) under `/`: files by path, index.html for any other
 * non-API path (SPA routing). Static files are public; every API route keeps its own access checks.
 */
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance, FastifyReply } from "fastify";
import { sendProblem, toProblem } from "../app/error-handler.js";

/** packages/web/dist, resolved from this file in src/ and in dist/ alike. */
export const defaultWebAssetsDir = fileURLToPath(new URL("../../../web/dist/", import.meta.url));

const mediaTypes: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".woff2": "font/woff2",
};

const missingBuild = `<!doctype html><meta charset="utf-8"><title>Sextant</title>
<p>The web UI is not built. Run <code>npm run build</code>, then reload. The API is at <a href="/api/v1/openapi.json">/api/v1</a>.</p>`;

async function sendFile(reply: FastifyReply, path: string, immutable: boolean): Promise<boolean> {
  try {
    if (!(await stat(path)).isFile()) return false;
  } catch {
    return false;
  }
  const type = mediaTypes[extname(path)] ?? "application/octet-stream";
  // Hashed asset names never change content; index.html must be re-read to pick up a new build.
  void reply.header("cache-control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
  void reply.header("x-content-type-options", "nosniff");
  await reply.type(type).send(await readFile(path));
  return true;
}

/** Registers `GET /*` serving `rootDir` with the SPA fallback; `/api/*` misses stay problem+json 404s. */
export function registerWebAssets(app: FastifyInstance, rootDir: string = defaultWebAssetsDir): void {
  const root = normalize(rootDir.endsWith(sep) ? rootDir : rootDir + sep);
  app.get("/*", async (request, reply) => {
    const path = decodeURIComponent(request.url.split("?")[0] ?? "/");
    if (path === "/api" || path.startsWith("/api/")) {
      return sendProblem(reply, toProblem("ROUTE_NOT_FOUND", `no route GET ${path}`, { instance: path }));
    }
    const file = normalize(join(root, path));
    if (file.startsWith(root) && path !== "/" && (await sendFile(reply, file, path.startsWith("/assets/"))))
      return reply;
    if (await sendFile(reply, join(root, "index.html"), false)) return reply;
    return reply.type("text/html; charset=utf-8").send(missingBuild);
  });
}
