/**
 * The overview operation of `/api/v1`: one request for every visible model's health inputs, volume and
 * open incidents (the web overview's N+1 requests made one); merged into `apiContract` by a spread.
 */
import type { Operation } from "./operation.js";
import { overviewSchema } from "./schemas/overview.js";

/** Overview operations, keyed by operation id. */
export const overviewContract = {
  getOverview: {
    method: "GET",
    path: "/overview",
    summary:
      "Every visible model with its versions, prediction volume, monitors with states and open incidents",
    tag: "overview",
    successStatus: 200,
    response: overviewSchema,
    errors: [],
  },
} as const satisfies Record<string, Operation>;
