import { describe, expect, it } from "vitest";
import { loadDatasets } from "../files/load-datasets.js";
import { buildReport } from "./build-report.js";
import { defaultDriftSettings, type DriftSettings } from "./drift-section.js";

// The peer data of issue 3 (10k rows per side).
const dir = new URL("../../../../../shared/bench-data/drift-15col/10000/", import.meta.url).pathname;

const settings: DriftSettings = defaultDriftSettings;

const load = (segments: string[]) =>
  loadDatasets({
    referencePath: `${dir}reference.parquet`,
    currentPath: `${dir}current.parquet`,
    kindOverrides: {},
    roles: { target: "target", prediction: "prediction", segments, protected: [] },
    strict: true,
    allowTypeErrors: false,
  });

const numericSides = (data: Awaited<ReturnType<typeof load>>) =>
  [...data.columns].flatMap(([name, c]) =>
    c.kind === "numeric" ? [{ name, reference: c.reference.slice(), current: c.current.slice() }] : [],
  );

describe("buildReport and the loaded arrays", () => {
  it("keeps numeric features in row order for segments, and sorts them in place without segments", async () => {
    const options = { drift: settings, toolVersion: "test", generatedAt: new Date(0) };
    const segmented = await load(["cat_00_k5"]);
    const before = numericSides(segmented);
    const withSegments = await buildReport(segmented, options);
    // Segments read the features row by row, after (and while) the feature drift ran: untouched.
    expect(numericSides(segmented)).toEqual(before);
    expect(withSegments.segments.length).toBeGreaterThan(0);

    const plain = await load([]);
    const withoutSegments = await buildReport(plain, options);
    const after = numericSides(plain);
    const feature = after.find((c) => c.name === "num_00_normal")!;
    const original = before.find((c) => c.name === "num_00_normal")!;
    // Consumed: the same values, sorted; the drift entries equal the segmented report's.
    expect(feature.reference).toEqual(original.reference.slice().sort());
    expect(withoutSegments.columns).toEqual(withSegments.columns);
  });
});
