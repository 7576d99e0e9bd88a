import { describe, expect, it } from "vitest";
import { buildModel } from "../testing/record-fixtures.js";
import type { MonitorRecord, PolicyRecord } from "./monitoring-records.js";
import { hasReachableOwner, hasTemplateMonitor, isModelSelected } from "./policy-service.js";

const model = buildModel(1, "ws_a", { tags: ["credit", "tabular"] });

// One row per selector rule: workspace must match, every tag must be on the model.
const selectorCases: readonly { selector: PolicyRecord["selector"]; selected: boolean; why: string }[] = [
  { selector: {}, selected: true, why: "empty selector matches all" },
  { selector: { workspaceId: "ws_a" }, selected: true, why: "same workspace" },
  { selector: { workspaceId: "ws_b" }, selected: false, why: "other workspace" },
  { selector: { tags: ["credit"] }, selected: true, why: "one tag present" },
  { selector: { tags: ["credit", "tabular"] }, selected: true, why: "all tags present" },
  { selector: { tags: ["credit", "nlp"] }, selected: false, why: "one tag missing" },
  { selector: { workspaceId: "ws_a", tags: ["nlp"] }, selected: false, why: "workspace ok, tag missing" },
  { selector: { stage: "production" }, selected: true, why: "stage is checked on versions, not here" },
];

describe("isModelSelected", () => {
  it.each(selectorCases)("$why → $selected", ({ selector, selected }) => {
    expect(isModelSelected(selector, model)).toBe(selected);
  });
});

describe("hasReachableOwner", () => {
  it.each([
    { owner: { kind: "team" as const, name: "credit" }, reachable: false },
    { owner: { kind: "team" as const, name: "credit", email: "credit@example.com" }, reachable: true },
    { owner: { kind: "user" as const, name: " ", email: "x@example.com" }, reachable: false },
  ])("$owner.name <$owner.email> → $reachable", ({ owner, reachable }) => {
    expect(hasReachableOwner({ ...model, owner })).toBe(reachable);
  });
});

describe("hasTemplateMonitor", () => {
  const monitor = { versionId: "ver_1", kind: "performance", metric: "f1" } as MonitorRecord;
  const template = { kind: "performance", metric: "f1" } as Parameters<typeof hasTemplateMonitor>[1];
  it.each([
    { monitors: [monitor], versionId: "ver_1", found: true, why: "same kind, metric and version" },
    { monitors: [monitor], versionId: "ver_2", found: false, why: "monitor on another version" },
    { monitors: [{ ...monitor, metric: "accuracy" }], versionId: "ver_1", found: false, why: "other metric" },
    {
      monitors: [{ ...monitor, kind: "estimated_performance" }],
      versionId: "ver_1",
      found: false,
      why: "other kind",
    },
    { monitors: [], versionId: "ver_1", found: false, why: "no monitors" },
  ] as const)("$why → $found", ({ monitors, versionId, found }) => {
    expect(hasTemplateMonitor(monitors as readonly MonitorRecord[], template, versionId)).toBe(found);
  });
});
