import { defineConfig } from "vitest/config";
import { SummaryReporter } from "./scripts/summary-reporter.js";

/** Browser tests: playwright-core driving Debian's Chromium (/usr/bin/chromium). */
export default defineConfig({
  resolve: { conditions: ["source"] },
  test: {
    include: ["e2e/**/*.e2e.test.ts"],
    environment: "node",
    reporters: ["default", new SummaryReporter("e2e")],
    pool: "forks",
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
