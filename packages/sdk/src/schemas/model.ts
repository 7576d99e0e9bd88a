/** Models: the registry entry of one ML model, with ownership, risk and cost. */
import { z } from "zod";
import {
  idSchema,
  isoDateTimeSchema,
  nameSchema,
  pageQuerySchema,
  tagSchema,
  toPageSchema,
} from "./common.js";

/** What the model predicts. */
export const modelTaskSchema = z.enum(["binary", "multiclass", "regression", "ranking"]);

/** A model's task. */
export type ModelTask = z.infer<typeof modelTaskSchema>;

/** Regulatory / business risk tier of a model. */
export const riskTierSchema = z.enum(["minimal", "low", "medium", "high", "critical"]);

/** The owner of a model: a person or a team; alerts route here. */
export const ownerSchema = z
  .object({
    kind: z.enum(["user", "team"]),
    name: nameSchema,
    email: z.email().optional(),
  })
  .strict();

/** Someone with an interest in a model, and in what capacity. */
export const stakeholderSchema = z
  .object({
    name: nameSchema,
    role: z.enum(["data_science", "ml_engineering", "business", "risk", "security", "finance"]),
    email: z.email().optional(),
  })
  .strict();

/** A model as the API returns it. */
export const modelSchema = z
  .object({
    id: idSchema,
    workspaceId: idSchema,
    name: z.string(),
    description: z.string(),
    task: modelTaskSchema,
    owner: ownerSchema,
    businessOwner: ownerSchema.nullable(),
    stakeholders: z.array(stakeholderSchema),
    tags: z.array(z.string()),
    riskTier: riskTierSchema,
    costPer1kPredictions: z.number().nullable().describe("cost of 1,000 predictions, in costCurrency"),
    costCurrency: z.string(),
    createdAt: isoDateTimeSchema,
    updatedAt: isoDateTimeSchema,
  })
  .meta({ id: "Model" });

/** A model as the API returns it. */
export type Model = z.infer<typeof modelSchema>;

const modelFields = {
  name: nameSchema,
  description: z.string().max(5000),
  owner: ownerSchema,
  businessOwner: ownerSchema.nullable(),
  stakeholders: z.array(stakeholderSchema).max(100),
  tags: z.array(tagSchema).max(50),
  riskTier: riskTierSchema,
  costPer1kPredictions: z.number().nonnegative().nullable(),
  costCurrency: z.string().regex(/^[A-Z]{3}$/, "ISO 4217 code, e.g. EUR"),
};

/** Body of `POST /workspaces/:workspaceId/models`. */
export const createModelSchema = z
  .object({
    name: modelFields.name,
    task: modelTaskSchema,
    owner: modelFields.owner,
    description: modelFields.description.default(""),
    businessOwner: modelFields.businessOwner.default(null),
    stakeholders: modelFields.stakeholders.default([]),
    tags: modelFields.tags.default([]),
    riskTier: modelFields.riskTier.default("medium"),
    costPer1kPredictions: modelFields.costPer1kPredictions.default(null),
    costCurrency: modelFields.costCurrency.default("USD"),
  })
  .strict();

/** Body of `POST /workspaces/:workspaceId/models`. */
export type CreateModel = z.input<typeof createModelSchema>;

/** Body of `PATCH /models/:id` (the task is fixed at creation). */
export const updateModelSchema = z
  .object({
    name: modelFields.name.optional(),
    description: modelFields.description.optional(),
    owner: modelFields.owner.optional(),
    businessOwner: modelFields.businessOwner.optional(),
    stakeholders: modelFields.stakeholders.optional(),
    tags: modelFields.tags.optional(),
    riskTier: modelFields.riskTier.optional(),
    costPer1kPredictions: modelFields.costPer1kPredictions.optional(),
    costCurrency: modelFields.costCurrency.optional(),
  })
  .strict();

/** Body of `PATCH /models/:id`. */
export type UpdateModel = z.input<typeof updateModelSchema>;

/** Query of `GET /models` and `GET /workspaces/:workspaceId/models`. */
export const listModelsQuerySchema = pageQuerySchema.extend({
  workspaceId: idSchema.optional(),
  task: modelTaskSchema.optional(),
  riskTier: riskTierSchema.optional(),
  tag: tagSchema.optional().describe("models carrying this tag"),
  owner: z.string().optional().describe("exact owner name"),
  q: z.string().optional().describe("substring of the name"),
});

/** Response of the model lists. */
export const modelPageSchema = toPageSchema(modelSchema);

/** Path parameters of the routes under a workspace. */
export const workspaceParamsSchema = z.object({ workspaceId: idSchema });
