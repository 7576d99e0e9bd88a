/**
 * The `--fail-if` expression language: `METRIC OP VALUE`, where METRIC is a name (`f1`, `drift_share`)
 * or a function of a column (`missing_share(income)`), OP is one of < <= > >= == !=, and VALUE is a
 * number, a percentage (`5%`), `reference` or `dummy` optionally adjusted (`reference-5%`, `dummy+0.02`).
 * A test fails when the expression is true.
 */
import { UsageError } from "../exit-codes.js";

/** Comparison operators. */
export type ComparisonOperator = "<" | "<=" | ">" | ">=" | "==" | "!=";

/** A metric reference: a name and, for column functions, the column. */
export interface MetricRef {
  readonly name: string;
  readonly column?: string;
}

/** The right-hand side of a comparison. */
export type ComparisonValue =
  | { readonly type: "number"; readonly value: number }
  | {
      readonly type: "baseline";
      readonly baseline: "reference" | "dummy";
      readonly adjust: { op: "+" | "-" | "*"; amount: number; percent: boolean } | undefined;
    };

/** A parsed `--fail-if` expression. */
export interface FailIfExpression {
  readonly text: string;
  readonly metric: MetricRef;
  readonly operator: ComparisonOperator;
  readonly value: ComparisonValue;
}

const pattern = /^\s*([A-Za-z_][\w.]*)\s*(?:\(\s*([^()]+?)\s*\))?\s*(<=|>=|==|!=|<|>)\s*(.+?)\s*$/;
const baselinePattern = /^(reference|dummy)\s*(?:([+\-*])\s*([0-9.eE+-]+)\s*(%?))?$/;

function parseNumber(text: string, expression: string): number {
  const percent = text.endsWith("%");
  const n = Number(percent ? text.slice(0, -1) : text);
  if (text.trim() === "" || !Number.isFinite(n))
    throw new UsageError(`--fail-if "${expression}": "${text}" is not a number`);
  return percent ? n / 100 : n;
}

function parseValue(text: string, expression: string): ComparisonValue {
  const baseline = baselinePattern.exec(text);
  if (baseline !== null) {
    const [, name, op, amount, percent] = baseline;
    return {
      type: "baseline",
      baseline: name as "reference" | "dummy",
      adjust:
        op === undefined
          ? undefined
          : {
              op: op as "+" | "-" | "*",
              amount: parseNumber(`${amount!}${percent ?? ""}`, expression),
              percent: percent === "%",
            },
    };
  }
  return { type: "number", value: parseNumber(text, expression) };
}

/** Parses one expression; malformed text is a usage error. */
export function parseFailIf(text: string): FailIfExpression {
  const match = pattern.exec(text);
  if (match === null)
    throw new UsageError(
      `--fail-if "${text}": expected METRIC OP VALUE, e.g. "drift_share>=0.5" or "missing_share(income)>0.05"`,
    );
  const [, name, column, operator, value] = match;
  return {
    text: text.trim(),
    metric: { name: name!, ...(column === undefined ? {} : { column }) },
    operator: operator as ComparisonOperator,
    value: parseValue(value!, text),
  };
}

/** Applies a baseline adjustment: `reference-5%` is reference × 0.95, `reference-0.05` subtracts. */
export function applyAdjustment(
  base: number,
  adjust: Extract<ComparisonValue, { type: "baseline" }>["adjust"],
): number {
  if (adjust === undefined) return base;
  if (adjust.op === "*") return base * adjust.amount;
  const delta = adjust.percent ? Math.abs(base) * adjust.amount : adjust.amount;
  return adjust.op === "+" ? base + delta : base - delta;
}

/** True when `left OP right` holds. */
export function compareValues(left: number, operator: ComparisonOperator, right: number): boolean {
  switch (operator) {
    case "<":
      return left < right;
    case "<=":
      return left <= right;
    case ">":
      return left > right;
    case ">=":
      return left >= right;
    case "==":
      return left === right;
    case "!=":
      return left !== right;
  }
}
