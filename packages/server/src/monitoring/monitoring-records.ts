/**
 * Domain records of monitoring as the services and the Store see them: monitors and their per-scope alert
 * state, window results, incidents with timelines, channels, deliveries and policies (dates are `Date`).
 */
import type { AlertState, Incident, MonitorConditionSpec, WindowSpec } from "@sextant/core";
import type { MonitorKind } from "@sextant/sdk";

/** What a window is compared with. */
export type MonitorBaselineSpec =
  | { readonly kind: "reference"; readonly referenceId: string }
  | { readonly kind: "trailing"; readonly windows: number }
  | { readonly kind: "range"; readonly from: Date; readonly to: Date };

/** Which traffic a monitor measures. */
export type MonitorScopeSpec =
  | { readonly kind: "all" }
  | { readonly kind: "segment"; readonly segmentId: string }
  | { readonly kind: "each_segment" };

/** Kind-specific settings. */
export type MonitorParams = Readonly<Record<string, string | number | boolean | null>>;

/** A monitor definition with its run bookkeeping. */
export interface MonitorRecord {
  readonly id: string;
  readonly modelId: string;
  readonly versionId: string;
  readonly name: string;
  readonly description: string;
  readonly kind: MonitorKind;
  readonly metric: string;
  readonly columns: readonly string[];
  readonly params: MonitorParams;
  readonly window: WindowSpec;
  readonly baseline: MonitorBaselineSpec;
  readonly scope: MonitorScopeSpec;
  readonly condition: MonitorConditionSpec;
  readonly forWindows: number;
  readonly minSampleSize: number;
  readonly delayMs: number;
  readonly channelIds: readonly string[];
  readonly enabled: boolean;
  readonly labels: Readonly<Record<string, string>>;
  /** Backfill: the first window evaluated is the one containing this instant (default: createdAt). */
  readonly evaluateFrom?: Date;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** Run bookkeeping of a monitor: health, last error, how far it evaluated, which arrivals it has seen. */
export interface MonitorRunRecord {
  readonly monitorId: string;
  readonly lastRunAt: Date | null;
  readonly lastError: string | null;
  readonly evaluatedUntil: Date | null;
  /** Events received up to this instant were seen by an evaluation (late-data detection). */
  readonly seenReceivedUntil: Date | null;
}

/** The alert state of one scope of a monitor (segment null = all traffic), plus detector state. */
export interface MonitorStateRecord {
  readonly monitorId: string;
  readonly segment: string | null;
  readonly state: AlertState;
  readonly detectorState: unknown;
}

/** One evaluated window of a monitor scope. */
export interface MonitorResultRecord {
  readonly monitorId: string;
  readonly modelId: string;
  readonly segment: string | null;
  readonly windowStart: Date;
  readonly windowEnd: Date;
  readonly value: number | null;
  readonly sampleSize: number;
  readonly severity: "none" | "warning" | "critical";
  readonly status: AlertState["status"];
  readonly detail: string | null;
  readonly evidence: Readonly<Record<string, unknown>>;
  readonly evaluatedAt: Date;
}

/** One timeline entry of an incident. */
export interface IncidentTimelineEntry {
  readonly at: Date;
  readonly kind:
    "opened" | "violation" | "escalated" | "notified" | "acknowledged" | "resolved" | "snoozed" | "reopened";
  readonly monitorId: string | null;
  readonly detail: string;
}

/** A stored incident: the core incident (grouping and lifecycle state) plus title and timeline. */
export interface IncidentRecord {
  readonly id: string;
  readonly title: string;
  readonly incident: Incident;
  readonly timeline: readonly IncidentTimelineEntry[];
  readonly updatedAt: Date;
}

/** Channel settings per kind (secrets included; never sent on the wire). */
export type ChannelConfig =
  | { readonly kind: "webhook"; readonly url: string; readonly secret: string }
  | { readonly kind: "slack"; readonly url: string }
  | {
      readonly kind: "email";
      readonly to: readonly string[];
      readonly from: string;
      readonly host: string;
      readonly port: number;
    }
  | { readonly kind: "pagerduty"; readonly url: string; readonly routingKey: string };

/** An alert channel. */
export interface ChannelRecord {
  readonly id: string;
  readonly name: string;
  readonly workspaceId: string | null;
  readonly minSeverity: "warning" | "critical";
  readonly config: ChannelConfig;
  readonly createdAt: Date;
}

/** The notification a delivery carries (channel-neutral; channels format it). */
export interface NotificationMessage {
  readonly event: "fire" | "escalate" | "resolve" | "test";
  readonly incidentId: string | null;
  readonly title: string;
  readonly severity: "warning" | "critical";
  readonly modelId: string | null;
  readonly modelName: string | null;
  readonly segment: string | null;
  readonly summary: string;
  readonly monitors: readonly { readonly id: string; readonly name: string; readonly value: number | null }[];
  readonly at: Date;
}

/** One notification to one channel, with its retry bookkeeping. */
export interface DeliveryRecord {
  readonly id: string;
  readonly channelId: string;
  readonly incidentId: string | null;
  readonly message: NotificationMessage;
  readonly status: "pending" | "delivered" | "dead";
  readonly attempts: number;
  readonly lastError: string | null;
  readonly nextAttemptAt: Date | null;
  readonly createdAt: Date;
}

/** An organisation policy: selector, owner requirement and monitor templates. */
export interface PolicyRecord {
  readonly id: string;
  readonly name: string;
  readonly selector: {
    readonly workspaceId?: string | undefined;
    readonly stage?: "staging" | "production" | "archived" | undefined;
    readonly tags?: readonly string[] | undefined;
  };
  readonly requireOwner: boolean;
  /** Monitor create bodies without versionId (validated wire shape). */
  readonly templates: readonly Readonly<Record<string, unknown>>[];
  readonly createdAt: Date;
}
