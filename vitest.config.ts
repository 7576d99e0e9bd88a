import { defineConfig } from "vitest/config";
import { SummaryReporter } from "./scripts/summary-reporter.js";

/** Unit tests live next to the code (`*.test.ts`); integration tests are `*.integration.test.ts`. */
export default defineConfig({
  resolve: { conditions: ["source"] },
  test: {
    include: ["packages/*/src/**/*.test.ts", "packages/*/src/**/*.test.tsx", "packages/*/test/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**", "**/*.integration.test.ts"],
    environment: "node",
    setupFiles: ["./scripts/fast-check-setup.ts"],
    reporters: ["default", new SummaryReporter("unit")],
    pool: "threads",
  },
});
