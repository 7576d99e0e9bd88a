/** Liveness and readiness bodies. */
import { z } from "zod";

/** Body of `/healthz` and a ready `/readyz`. */
export const healthSchema = z.object({
  status: z.enum(["ok"]),
  version: z.string(),
  uptimeSeconds: z.number(),
});
