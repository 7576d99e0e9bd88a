/** Package boundaries of ARCHITECTURE.md, enforced at severity error. */
module.exports = {
  forbidden: [
    {
      name: "core-is-pure",
      severity: "error",
      comment: "@sextant/core imports nothing outside itself: no node:*, no npm package, no other workspace.",
      from: { path: "^packages/core/src", pathNot: "\\.test\\.ts$" },
      to: { pathNot: "^packages/core/src" },
    },
    {
      name: "sdk-imports-core-and-zod-only",
      severity: "error",
      from: { path: "^packages/sdk/src", pathNot: "\\.test\\.ts$" },
      to: { pathNot: "^(packages/sdk/src|packages/core/src|node_modules/zod)" },
    },
    {
      name: "web-is-a-browser-package",
      severity: "error",
      comment: "The web UI must not import server, cli or Node built-ins.",
      from: { path: "^packages/web/src" },
      to: {
        path: "^(packages/server|packages/cli)|^node:|^(fs|path|os|child_process|http|net)$",
        dependencyTypesNot: ["type-only"],
      },
    },
    {
      name: "server-does-not-import-cli-or-web",
      severity: "error",
      from: { path: "^packages/server/src" },
      to: { path: "^packages/(cli|web)/" },
    },
    {
      name: "no-circular",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(dist|node_modules)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.base.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["source", "import", "types", "default"],
      extensions: [".ts", ".tsx", ".js"],
    },
    builtInModules: { add: [] },
  },
};
