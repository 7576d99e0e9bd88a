/** Wire schema of the organisation overview: every visible model with what its overview row shows, in one response. */
import { z } from "zod";
import { incidentSchema } from "./incidents.js";
import { modelSchema } from "./model.js";
import { monitorSchema } from "./monitoring.js";
import { modelVersionSchema } from "./version.js";

/** One model of the overview. */
export const modelOverviewSchema = z
  .object({
    model: modelSchema,
    versions: z.array(modelVersionSchema),
    predictions: z
      .number()
      .int()
      .nullable()
      .describe(
        "predictions of the live version (production, else staging, else the newest); null = no version",
      ),
    monitors: z.array(monitorSchema).describe("the model's monitors with their states"),
    openIncidents: z.array(incidentSchema).describe("open and acknowledged incidents"),
  })
  .meta({ id: "ModelOverview" });

/** Response of `GET /overview`. */
export const overviewSchema = z.object({ models: z.array(modelOverviewSchema) }).meta({ id: "Overview" });

/** Response of `GET /overview`. */
export type Overview = z.infer<typeof overviewSchema>;
