/**
 * Bundles the `sextant` binary with esbuild into packages/cli/dist/sextant.js and a few chunks in
 * dist/chunks/ (one per command, shared code, the feature drift worker), so a run loads a handful of
 * files instead of a few hundred ES modules: start-up is most of a small report's wall time. Only
 * `@sextant/core` and `@sextant/server/report` are bundled; other packages (DuckDB bindings, YAML, the
 * HTTP server the other commands load) are imported from node_modules as usual.
 * Run after `tsc -b` (the `serve` command still loads the compiled server): `npm run build:cli`;
 * `--outdir DIR` writes elsewhere (tests bundle into a temporary directory).
 */
import { build, type Plugin } from "esbuild";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const outdirFlag = process.argv.indexOf("--outdir");
const outdir = outdirFlag < 0 ? "packages/cli/dist" : resolve(process.argv[outdirFlag + 1] ?? ".");

// @sextant/core is pure (ARCHITECTURE.md): a module of it that nothing uses can be left out even when
// its package index re-exports it, which drops e.g. roadmap scoring and its rule tables from the bundle.
const coreDirectory = resolve(root, "packages/core/src");
const coreIsPure: Plugin = {
  name: "core-is-pure",
  setup(b) {
    b.onResolve({ filter: /.*/ }, async (args) => {
      const fromCore = args.path === "@sextant/core" || args.importer.startsWith(coreDirectory);
      if (!fromCore || (args.pluginData as { resolved?: boolean } | undefined)?.resolved === true)
        return undefined;
      const result = await b.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: { resolved: true },
      });
      if (result.errors.length > 0) return { errors: result.errors };
      return {
        path: result.path,
        namespace: result.namespace,
        external: result.external,
        sideEffects: false,
      };
    });
  },
};

// Only the batch path is bundled: the core and the server's report entry. Every other package (the HTTP
// server behind `serve`/`demo`, the SDK, native modules) loads from node_modules as usual.
const bundled = new Set(["@sextant/core", "@sextant/server/report"]);
const bundleOnlyTheBatchPath: Plugin = {
  name: "bundle-only-the-batch-path",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith("node:") || bundled.has(args.path)
        ? undefined
        : { path: args.path, external: true },
    );
  },
};

await build({
  absWorkingDir: root,
  entryPoints: {
    sextant: "packages/cli/src/main.ts",
    // Beside the chunk holding feature-drift-runner, which finds it relative to its own URL.
    "chunks/feature-drift-worker": "packages/server/src/report/feature-drift-worker.ts",
  },
  outdir,
  bundle: true,
  // Commands stay in their own chunks (loaded on demand), so `report` never evaluates e.g. roadmap rules.
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  platform: "node",
  format: "esm",
  target: "node20",
  conditions: ["source"],
  // CommonJS dependencies inside the bundle call require(); an ES module has to make one.
  banner: {
    js: 'import { createRequire as __createRequire } from "node:module";\nconst require = __createRequire(import.meta.url);',
  },
  plugins: [bundleOnlyTheBatchPath, coreIsPure],
  sourcemap: true,
  logLevel: "warning",
});
