import type { ColumnSpec } from "@sextant/sdk";
import { describe, expect, it } from "vitest";
import type { IngestRejectionRecord } from "../storage/monitoring-store.js";
import { selectSchemaAt, tallyReceipts } from "./ingest-quality-gather.js";

const windows = [
  { startMs: 0, endMs: 10 },
  { startMs: 10, endMs: 20 },
  { startMs: 30, endMs: 40 },
];
const rejection = (ms: number, typeErrorRows: number): IngestRejectionRecord => ({
  versionId: "v",
  stream: "predictions",
  receivedAt: new Date(ms),
  rejectedRows: typeErrorRows + 1,
  typeErrorRows,
  unknownFieldRows: 1,
  typeErrorsByField: { x: typeErrorRows },
  unknownFields: { zip: 1 },
});

describe("tallyReceipts", () => {
  it("assigns stored rows and rejections to the window of their receipt time, skipping gaps", () => {
    const tallies = tallyReceipts(windows, {
      stored: [
        { receivedAtMs: 0, rows: 5 },
        { receivedAtMs: 9, rows: 1 },
        { receivedAtMs: 10, rows: 7 },
        { receivedAtMs: 25, rows: 100 },
        { receivedAtMs: 39, rows: 2 },
      ],
      rejections: [rejection(3, 2), rejection(4, 1), rejection(25, 9), rejection(30, 0)],
    });
    expect(tallies).toEqual([
      { stored: 6, rejected: 5, typeErrorRows: 3, typeErrorsByField: { x: 3 }, unknownFields: { zip: 2 } },
      { stored: 7, rejected: 0, typeErrorRows: 0, typeErrorsByField: {}, unknownFields: {} },
      { stored: 2, rejected: 1, typeErrorRows: 0, typeErrorsByField: { x: 0 }, unknownFields: { zip: 1 } },
    ]);
  });
});

describe("selectSchemaAt", () => {
  const column = (name: string): ColumnSpec => ({
    name,
    role: "feature",
    type: "numeric",
    nullable: true,
    description: "",
  });
  const current = [column("now")];
  const revisions = [
    { versionId: "v", revision: 1, columns: [column("a")], savedAt: new Date(100) },
    { versionId: "v", revision: 2, columns: [column("b")], savedAt: new Date(200) },
  ];
  it.each([
    { at: 50, revision: 1, names: ["a"] },
    { at: 100, revision: 1, names: ["a"] },
    { at: 199, revision: 1, names: ["a"] },
    { at: 200, revision: 2, names: ["b"] },
    { at: 10_000, revision: 2, names: ["b"] },
  ])("at $at ms the schema of revision $revision is in effect", ({ at, revision, names }) => {
    const chosen = selectSchemaAt(revisions, current, at);
    expect(chosen.revision).toBe(revision);
    expect(chosen.columns.map((c) => c.name)).toEqual(names);
  });
  it("falls back to the current schema when no revision was recorded", () => {
    expect(selectSchemaAt([], current, 5)).toEqual({ revision: null, columns: current });
  });
});
