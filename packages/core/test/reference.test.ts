/**
 * Golden-vector tests: every case of every `*.json` file in SEXTANT_REFERENCE_DIR (default
 * ../shared/reference) runs through the adapter named by its `fn`; an unknown `fn` fails the run.
 * Prints `reference: N passed, M failed`.
 */
import { afterAll, describe, expect, it } from "vitest";
import { referenceAdapters } from "./reference/adapters.js";
import { InsufficientDataError } from "./reference/case-inputs.js";
import {
  listMismatches,
  loadReferenceFiles,
  resolveReferenceDir,
  toNaNTree,
} from "./reference/vector-file.js";

const dir = resolveReferenceDir();
const files = loadReferenceFiles(dir);
const tally = { passed: 0, failed: 0 };

describe(`reference vectors in ${dir}`, () => {
  it("has at least one vector file with cases", () => {
    expect(files.reduce((n, f) => n + f.cases.length, 0)).toBeGreaterThan(0);
  });

  for (const { file, cases } of files) {
    describe(file, () => {
      for (const testCase of cases) {
        it(`${testCase.id} (${testCase.fn})`, () => {
          let mismatches: string[];
          const adapter = referenceAdapters[testCase.fn];
          if (adapter === undefined) {
            mismatches = [`unknown fn "${testCase.fn}": add an adapter in test/reference/adapters.ts`];
          } else {
            try {
              mismatches = listMismatches(adapter(testCase), testCase.expected, testCase.tol);
            } catch (error) {
              mismatches =
                error instanceof InsufficientDataError
                  ? listMismatches(toNaNTree(testCase.expected), testCase.expected, testCase.tol).map(
                      (m) => `${m} (${error.message})`,
                    )
                  : [`threw: ${error instanceof Error ? error.message : String(error)}`];
            }
          }
          if (mismatches.length === 0) tally.passed++;
          else tally.failed++;
          expect(mismatches).toEqual([]);
        });
      }
    });
  }
});

afterAll(() => {
  process.stdout.write(`\nreference: ${tally.passed} passed, ${tally.failed} failed\n`);
});
