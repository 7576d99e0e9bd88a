/** Workspaces: one per team; models belong to exactly one workspace. */
import { z } from "zod";
import { idSchema, isoDateTimeSchema, nameSchema, pageQuerySchema, toPageSchema } from "./common.js";

/** A workspace as the API returns it. */
export const workspaceSchema = z
  .object({
    id: idSchema,
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    createdAt: isoDateTimeSchema,
    updatedAt: isoDateTimeSchema,
  })
  .meta({ id: "Workspace" });

/** A workspace as the API returns it. */
export type Workspace = z.infer<typeof workspaceSchema>;

/** Body of `POST /workspaces`. */
export const createWorkspaceSchema = z
  .object({
    slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "slug: lowercase letters, digits and dashes (1-63)"),
    name: nameSchema,
    description: z.string().max(2000).default(""),
  })
  .strict();

/** Body of `POST /workspaces`. */
export type CreateWorkspace = z.input<typeof createWorkspaceSchema>;

/** Body of `PATCH /workspaces/:id`. */
export const updateWorkspaceSchema = z
  .object({ name: nameSchema.optional(), description: z.string().max(2000).optional() })
  .strict();

/** Query of `GET /workspaces`. */
export const listWorkspacesQuerySchema = pageQuerySchema.extend({
  q: z.string().optional().describe("substring of the name or slug"),
});

/** Response of `GET /workspaces`. */
export const workspacePageSchema = toPageSchema(workspaceSchema);
