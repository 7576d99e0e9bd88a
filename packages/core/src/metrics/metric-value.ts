/**
 * The value of one metric that the data may leave undefined (ROC AUC with one class, a rate with no
 * eligible rows): each such metric is its own `StatResult`, so one undefined metric never hides the rest.
 */
import type { StatResult } from "../result.js";
import { toOk } from "../result.js";

/** A single metric value, or the reason the data cannot define it. */
export type MetricValue = StatResult<{ readonly value: number }>;

/** Wraps an always-finite number as an available metric value. */
export function toMetricValue(value: number): MetricValue {
  return toOk({ value });
}
