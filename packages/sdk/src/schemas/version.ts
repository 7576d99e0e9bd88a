/** Model versions: one deployable artefact of a model, with its stage, provenance and schema. */
import { z } from "zod";
import { idSchema, isoDateTimeSchema, nameSchema, pageQuerySchema, toPageSchema } from "./common.js";
import { versionSchemaSchema } from "./column-schema.js";

/** Lifecycle stage of a version. */
export const versionStageSchema = z.enum(["staging", "production", "archived"]);

/** Where a version was registered from. */
export const versionSourceSchema = z.enum(["ui", "api", "ci"]);

/** A model version as the API returns it. */
export const modelVersionSchema = z
  .object({
    id: idSchema,
    modelId: idSchema,
    name: z.string().describe("version label, e.g. 1.4.0"),
    description: z.string(),
    stage: versionStageSchema,
    source: versionSourceSchema,
    trigger: z.string().nullable().describe("why it was trained, e.g. scheduled retrain, drift"),
    trainingRunRef: z.string().nullable().describe("link or id of the training run"),
    datasetRef: z.string().nullable().describe("link or id of the training dataset"),
    schema: versionSchemaSchema.nullable(),
    createdAt: isoDateTimeSchema,
    updatedAt: isoDateTimeSchema,
  })
  .meta({ id: "ModelVersion" });

/** A model version as the API returns it. */
export type ModelVersion = z.infer<typeof modelVersionSchema>;

/** Body of `POST /models/:modelId/versions`. */
export const createVersionSchema = z
  .object({
    name: nameSchema,
    description: z.string().max(5000).default(""),
    stage: versionStageSchema.default("staging"),
    source: versionSourceSchema.default("api"),
    trigger: z.string().max(500).nullable().default(null),
    trainingRunRef: z.string().max(2000).nullable().default(null),
    datasetRef: z.string().max(2000).nullable().default(null),
  })
  .strict();

/** Body of `POST /models/:modelId/versions`. */
export type CreateVersion = z.input<typeof createVersionSchema>;

/** Body of `PATCH /versions/:id`. */
export const updateVersionSchema = z
  .object({
    description: z.string().max(5000).optional(),
    stage: versionStageSchema.optional(),
    trigger: z.string().max(500).nullable().optional(),
    trainingRunRef: z.string().max(2000).nullable().optional(),
    datasetRef: z.string().max(2000).nullable().optional(),
  })
  .strict();

/** Query of `GET /models/:modelId/versions`. */
export const listVersionsQuerySchema = pageQuerySchema.extend({
  stage: versionStageSchema.optional(),
});

/** Response of `GET /models/:modelId/versions`. */
export const versionPageSchema = toPageSchema(modelVersionSchema);

/** Path parameters of the routes under a model. */
export const modelParamsSchema = z.object({ modelId: idSchema });

/** Path parameters of the routes under a version. */
export const versionParamsSchema = z.object({ versionId: idSchema });
