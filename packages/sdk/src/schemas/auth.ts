/** Wire schemas of authentication and access control: users, sessions, workspace members, API keys, roles. */
import { z } from "zod";
import { idSchema, isoDateTimeSchema, nameSchema, pageQuerySchema, toPageSchema } from "./common.js";

/** A role a user or an API key holds in one workspace. */
export const workspaceRoleSchema = z
  .enum(["admin", "editor", "viewer", "auditor"])
  .describe("admin manages the workspace; editor changes data; viewer reads; auditor reads the audit log")
  .meta({ id: "WorkspaceRole" });

/** A workspace role. */
export type WorkspaceRole = z.infer<typeof workspaceRoleSchema>;

const usernameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._@-]{1,63}$/, "username: 2-64 lowercase letters, digits and . _ @ -");
const passwordSchema = z.string().min(12, "passwords have at least 12 characters").max(512);

/** A local user as the API returns it (never the password hash). */
export const userSchema = z
  .object({
    id: idSchema,
    username: z.string(),
    displayName: z.string(),
    orgAdmin: z
      .boolean()
      .describe("organisation admins manage workspaces and users and act as admin everywhere"),
    disabled: z.boolean(),
    createdAt: isoDateTimeSchema,
    updatedAt: isoDateTimeSchema,
  })
  .meta({ id: "User" });

/** Body of `POST /users`. */
export const createUserSchema = z
  .object({
    username: usernameSchema,
    displayName: nameSchema.optional(),
    password: passwordSchema,
    orgAdmin: z.boolean().default(false),
  })
  .strict();

/** Body of `PATCH /users/:id` (a new password signs the user out everywhere). */
export const updateUserSchema = z
  .object({
    displayName: nameSchema.optional(),
    orgAdmin: z.boolean().optional(),
    disabled: z.boolean().optional(),
    password: passwordSchema.optional(),
  })
  .strict();

/** Query of `GET /users`. */
export const listUsersQuerySchema = pageQuerySchema.extend({
  q: z.string().optional().describe("substring of the username or display name"),
});

/** Response of `GET /users`. */
export const userPageSchema = toPageSchema(userSchema);

/** Body of `POST /auth/login`. */
export const loginSchema = z
  .object({ username: z.string().min(1).max(64), password: z.string().min(1).max(512) })
  .strict();

/** Body of `POST /auth/password`. */
export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1).max(512), newPassword: passwordSchema })
  .strict();

/** One workspace role of the caller. */
export const membershipSchema = z
  .object({ workspaceId: idSchema, role: workspaceRoleSchema })
  .meta({ id: "Membership" });

/** Who the caller is: a signed-in user or an API key, with its roles. */
export const sessionInfoSchema = z
  .object({
    kind: z.enum(["user", "api_key"]),
    id: z.string(),
    name: z.string(),
    orgAdmin: z.boolean(),
    memberships: z.array(membershipSchema),
    csrfToken: z.string().nullable().describe("send as X-CSRF-Token on cookie-authenticated changes"),
    expiresAt: isoDateTimeSchema.nullable(),
  })
  .meta({ id: "SessionInfo" });

/** A member of a workspace. */
export const memberSchema = z
  .object({
    workspaceId: idSchema,
    userId: idSchema,
    username: z.string(),
    role: workspaceRoleSchema,
    createdAt: isoDateTimeSchema,
  })
  .meta({ id: "WorkspaceMember" });

/** Body of `PUT /workspaces/:workspaceId/members/:userId`. */
export const putMemberSchema = z.object({ role: workspaceRoleSchema }).strict();

/** Path of a workspace member. */
export const memberParamsSchema = z.object({ workspaceId: idSchema, userId: idSchema });

/** Response of `GET /workspaces/:workspaceId/members`. */
export const memberPageSchema = toPageSchema(memberSchema);

/** An API key as the API lists it (the secret is shown only once, on creation). */
export const apiKeySchema = z
  .object({
    id: idSchema,
    workspaceId: idSchema,
    name: z.string(),
    role: workspaceRoleSchema,
    prefix: z.string().describe("first characters of the key, to recognise it"),
    createdBy: z.string(),
    createdAt: isoDateTimeSchema,
    expiresAt: isoDateTimeSchema.nullable(),
    revokedAt: isoDateTimeSchema.nullable(),
    lastUsedAt: isoDateTimeSchema.nullable(),
  })
  .meta({ id: "ApiKey" });

/** Body of `POST /workspaces/:workspaceId/api-keys`. */
export const createApiKeySchema = z
  .object({
    name: nameSchema,
    role: workspaceRoleSchema,
    expiresAt: isoDateTimeSchema.optional().describe("no expiry when absent"),
  })
  .strict();

/** Response of `POST /workspaces/:workspaceId/api-keys`: the key itself, shown this once. */
export const createdApiKeySchema = z
  .object({
    apiKey: apiKeySchema,
    key: z.string().describe("send as Authorization: Bearer <key>; not retrievable later"),
  })
  .meta({ id: "CreatedApiKey" });

/** Path of one API key. */
export const apiKeyParamsSchema = z.object({ workspaceId: idSchema, keyId: idSchema });

/** Query of `GET /workspaces/:workspaceId/api-keys`. */
export const listApiKeysQuerySchema = pageQuerySchema;

/** Response of `GET /workspaces/:workspaceId/api-keys`. */
export const apiKeyPageSchema = toPageSchema(apiKeySchema);
