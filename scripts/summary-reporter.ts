/**
 * A Vitest reporter that ends each run with one plain line, `<suite>: N passed, M failed, K skipped`,
 * which CI reads; the default reporter still prints the details.
 */
import type { Reporter, TestModule } from "vitest/node";

/** Prints the closing count line for one Vitest run. */
export class SummaryReporter implements Reporter {
  constructor(private readonly suite: string) {}

  onTestRunEnd(testModules: readonly TestModule[]): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of testModules) {
      if (module.state() === "failed" && [...module.children.allTests()].length === 0) failed++;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") passed++;
        else if (state === "failed") failed++;
        else skipped++;
      }
    }
    process.stdout.write(`\n${this.suite}: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
