/** Wire types the pages use, named from the typed client's operation results. */
import type { OperationResult } from "@sextant/sdk";

/** A model. */
export type ModelItem = OperationResult<"getModel">;
/** A model version. */
export type VersionItem = OperationResult<"getVersion">;
/** A monitor with its state. */
export type MonitorItem = OperationResult<"getMonitor">;
/** One window result of a monitor. */
export type MonitorResult = OperationResult<"listMonitorResults">["items"][number];
/** An incident with its timeline. */
export type IncidentItem = OperationResult<"getIncident">;
/** A workspace. */
export type WorkspaceItem = OperationResult<"getWorkspace">;
/** The caller's session. */
export type SessionItem = OperationResult<"getSession">;
/** A segment. */
export type SegmentItem = OperationResult<"getSegment">;
/** One audit log entry. */
export type AuditItem = OperationResult<"listAuditEvents">["items"][number];
/** A stored event (prediction joined with label and outcome). */
export type EventItem = OperationResult<"listEvents">["items"][number];
