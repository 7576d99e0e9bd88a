import { describe, expect, it } from "vitest";
import { findFactSource, formatEvidenceValue, resolveEvidence, toEvidenceLink } from "./evidence-sources.js";

const sources = {
  "facts.models.withOwner": {
    basis: "production models with an owner",
    links: ["/models?filter=no-owner", "/models/m-2", "/models/m-1"],
    observed: true,
  },
  "facts.monitoring": {
    basis: "monitors",
    links: ["/monitors?modelId=m-1", "/monitors/mon-1"],
    observed: true,
  },
};

describe("evidence sources", () => {
  it("finds the nearest recorded parent of a fact path, ignoring qualifiers", () => {
    expect(findFactSource(sources, "facts.monitoring.drift")?.basis).toBe("monitors");
    expect(findFactSource(sources, "facts.monitoring.triggeredBy(non-manual)")?.basis).toBe("monitors");
    expect(findFactSource(sources, "facts.alerting.policies")).toBeUndefined();
  });

  it("maps recorded links to pages of the web UI", () => {
    expect(toEvidenceLink("/models/loan-default")).toMatchObject({
      kind: "page",
      href: "/models/loan-default",
    });
    expect(toEvidenceLink("/models/x/card").href).toBe("/models/x");
    expect(toEvidenceLink("/monitors?modelId=m-1").href).toBe("/models/m-1/monitors");
    expect(toEvidenceLink("/roadmap/assessments/a1#maturity")).toMatchObject({
      kind: "tab",
      tab: "blueprint",
    });
    expect(toEvidenceLink("/monitors/mon-1")).toMatchObject({ kind: "api", href: "/api/v1/monitors/mon-1" });
  });

  it("lists model links first, without duplicates", () => {
    const [item] = resolveEvidence(
      [{ fact: "facts.models.withOwner", value: { num: 1, den: 2, ratio: 0.5 } }],
      {
        ...sources,
        "facts.models.withOwner": {
          ...sources["facts.models.withOwner"],
          links: [...sources["facts.models.withOwner"].links, "/models/m-1"],
        },
      },
    );
    expect(item!.links.map((l) => l.href)).toEqual(["/models/m-2", "/models/m-1", "/"]);
  });

  it("formats ratios, lists and missing values", () => {
    expect(formatEvidenceValue({ num: 1, den: 2, ratio: 0.5 })).toBe("1/2 (50%)");
    expect(formatEvidenceValue(["batch", "realtime"])).toBe("batch, realtime");
    expect(formatEvidenceValue(null)).toBe("n/a");
    expect(formatEvidenceValue(0.456)).toBe("0.46");
  });
});
