import { defineConfig } from "vitest/config";
import { SummaryReporter } from "./scripts/summary-reporter.js";

/** Integration tests: real DuckDB files, sockets, child processes, the filesystem. */
export default defineConfig({
  resolve: { conditions: ["source"] },
  test: {
    include: ["packages/*/src/**/*.integration.test.ts", "packages/*/test/**/*.integration.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**"],
    environment: "node",
    setupFiles: ["./scripts/fast-check-setup.ts"],
    reporters: ["default", new SummaryReporter("integration")],
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
