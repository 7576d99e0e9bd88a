/**
 * Special score anchors of ROADMAP.md §4.7: support responsiveness from the median first-response
 * time of PoC tickets, pricing transparency and integration / lock-in, each mapped to 0–5.
 */

import type { RoadmapRuleset } from "./ruleset.js";
import type { SupportTicket } from "./tool-evaluation-types.js";

const HOUR_MS = 3_600_000;

/** Hours to first response, +Infinity when the ticket never got one. */
export function computeFirstResponseHours(ticket: SupportTicket): number {
  if (ticket.firstResponseAt === undefined) return Infinity;
  const opened = Date.parse(ticket.openedAt);
  const responded = Date.parse(ticket.firstResponseAt);
  if (Number.isNaN(opened) || Number.isNaN(responded))
    throw new Error(`invalid ticket timestamps: ${ticket.openedAt} / ${ticket.firstResponseAt}`);
  return Math.max(0, (responded - opened) / HOUR_MS);
}

/** Median first-response hours of a candidate's tickets (unanswered = +Infinity); null without tickets. */
export function computeMedianFirstResponseHours(tickets: SupportTicket[]): number | null {
  const hours = tickets.map(computeFirstResponseHours).sort((a, b) => a - b);
  if (hours.length === 0) return null;
  const mid = hours.length >> 1;
  return hours.length % 2 === 1 ? hours[mid]! : (hours[mid - 1]! + hours[mid]!) / 2;
}

/** ≤ 4 h → 5; ≤ 24 h → 4; ≤ 48 h → 3; ≤ 5 d → 2; > 5 d → 1; no response → 0; no tickets → null. */
export function scoreSupportResponsiveness(
  tickets: SupportTicket[],
  ruleset: RoadmapRuleset,
): { score: 0 | 1 | 2 | 3 | 4 | 5 | null; medianHours: number | null } {
  const median = computeMedianFirstResponseHours(tickets);
  if (median === null) return { score: null, medianHours: null };
  const h = ruleset.evaluation.supportHours;
  const score =
    median === Infinity
      ? 0
      : median <= h.five
        ? 5
        : median <= h.four
          ? 4
          : median <= h.three
            ? 3
            : median <= h.two
              ? 2
              : 1;
  return { score, medianHours: median === Infinity ? null : median };
}

/** What the vendor disclosed about pricing. */
export type PricingDisclosure =
  | "public_price_list"
  | "public_tiers"
  | "quote_with_all_drivers"
  | "quote_without_drivers"
  | "undisclosed"
  | "open_source_no_paid_dependency";

const PRICING_SCORE: Record<PricingDisclosure, 0 | 1 | 3 | 4 | 5> = {
  public_price_list: 5,
  public_tiers: 4,
  quote_with_all_drivers: 3,
  quote_without_drivers: 1,
  undisclosed: 0,
  open_source_no_paid_dependency: 5,
};

/** Pricing-transparency score of a disclosure. */
export function scorePricingTransparency(disclosure: PricingDisclosure): 0 | 1 | 3 | 4 | 5 {
  return PRICING_SCORE[disclosure];
}

/** In-house build: an effort estimate counts like a quote with all cost drivers (3); none → 0. */
export function scoreBuildPricing(estimate: { fteMonths: number; costPerFteMonth: number } | undefined): {
  score: 0 | 3;
  estimatedCost: number | null;
} {
  if (estimate === undefined) return { score: 0, estimatedCost: null };
  return { score: 3, estimatedCost: estimate.fteMonths * estimate.costPerFteMonth };
}

/** Integration facts of a candidate. */
export interface IntegrationFacts {
  openApiOrSdk: boolean;
  anyFramework: boolean;
  openFormatExport: boolean;
  selfHostable: boolean;
  requiresVendorRuntime: boolean;
}

/** Vendor runtime required → 1; agnostic + export + self-hostable → 5; agnostic + export → 4; agnostic → 3; else 2. */
export function scoreIntegrationAgnostic(f: IntegrationFacts): 1 | 2 | 3 | 4 | 5 {
  if (f.requiresVendorRuntime) return 1;
  const agnostic = f.openApiOrSdk && f.anyFramework;
  if (!agnostic) return 2;
  if (!f.openFormatExport) return 3;
  return f.selfHostable ? 5 : 4;
}
