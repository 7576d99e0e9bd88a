/**
 * The catalogue of every error code the Sextant API returns: HTTP status and a stable title.
 * docs/errors.md documents each code; a test fails when the two drift apart.
 */

/** One catalogue entry: the HTTP status and the human title of an error code. */
export interface ErrorCodeEntry {
  readonly status: number;
  readonly title: string;
}

/** Every error code, noun then condition, with its HTTP status and title. */
export const errorCatalogue = {
  VALIDATION_FAILED: { status: 400, title: "The request is invalid" },
  BODY_MALFORMED: { status: 400, title: "The request body could not be parsed" },
  INGEST_ROWS_INVALID: { status: 422, title: "Some rows do not match the version schema" },
  SCHEMA_INVALID: { status: 422, title: "The version schema is inconsistent" },
  SEGMENT_FILTER_INVALID: { status: 422, title: "The segment filter names an unknown column" },
  PAYLOAD_TOO_LARGE: { status: 413, title: "The request body is too large" },
  MEDIA_TYPE_UNSUPPORTED: { status: 415, title: "The content type is not supported here" },
  ROUTE_NOT_FOUND: { status: 404, title: "No such route" },
  WORKSPACE_NOT_FOUND: { status: 404, title: "Workspace not found" },
  MODEL_NOT_FOUND: { status: 404, title: "Model not found" },
  VERSION_NOT_FOUND: { status: 404, title: "Model version not found" },
  REFERENCE_NOT_FOUND: { status: 404, title: "Reference not found" },
  SEGMENT_NOT_FOUND: { status: 404, title: "Segment not found" },
  WORKSPACE_SLUG_TAKEN: { status: 409, title: "A workspace with this slug already exists" },
  MODEL_NAME_TAKEN: { status: 409, title: "A model with this name already exists in the workspace" },
  VERSION_NAME_TAKEN: { status: 409, title: "A version with this name already exists for the model" },
  SEGMENT_NAME_TAKEN: { status: 409, title: "A segment with this name already exists for the model" },
  SCHEMA_NOT_DEFINED: { status: 409, title: "The version has no schema yet" },
  SCHEMA_CHANGE_CONFLICT: { status: 409, title: "The schema change conflicts with stored data" },
  MONITOR_NOT_FOUND: { status: 404, title: "Monitor not found" },
  MONITOR_INVALID: { status: 422, title: "The monitor definition does not fit the model" },
  INCIDENT_NOT_FOUND: { status: 404, title: "Incident not found" },
  INCIDENT_STATE_CONFLICT: { status: 409, title: "The incident's state does not allow this action" },
  CHANNEL_NOT_FOUND: { status: 404, title: "Alert channel not found" },
  CHANNEL_URL_REFUSED: { status: 422, title: "The channel URL points to a refused address" },
  POLICY_NOT_FOUND: { status: 404, title: "Policy not found" },
  INGEST_BUFFER_FULL: { status: 503, title: "The ingest buffer is full; retry later" },
  SERVICE_NOT_READY: { status: 503, title: "The service is not ready" },
  ROUTE_NOT_SERVED: { status: 421, title: "This process's role does not serve this route" },
  AUTHENTICATION_REQUIRED: { status: 401, title: "Sign in or send an API key" },
  CREDENTIALS_INVALID: { status: 401, title: "The credentials are invalid" },
  PERMISSION_DENIED: { status: 403, title: "Your role does not allow this" },
  CSRF_TOKEN_INVALID: { status: 403, title: "The CSRF token is missing or wrong" },
  LOGIN_RATE_LIMITED: { status: 429, title: "Too many failed sign-ins; retry later" },
  USER_NOT_FOUND: { status: 404, title: "User not found" },
  MEMBER_NOT_FOUND: { status: 404, title: "The user is not a member of the workspace" },
  API_KEY_NOT_FOUND: { status: 404, title: "API key not found" },
  USERNAME_TAKEN: { status: 409, title: "A user with this username already exists" },
  ROADMAP_ASSESSMENT_NOT_FOUND: { status: 404, title: "Roadmap assessment not found" },
  ROADMAP_QUESTIONNAIRE_MISSING: { status: 409, title: "Save the roadmap questionnaire first" },
  TOOL_EVALUATION_NOT_FOUND: { status: 404, title: "Tool evaluation not found" },
  TOOL_EVALUATION_INVALID: { status: 422, title: "The change does not fit the tool evaluation" },
  EVALUATION_FUNNEL_REFUSED: { status: 409, title: "The funnel rules do not allow the next stage yet" },
  INTERNAL_ERROR: { status: 500, title: "Internal server error" },
} as const satisfies Record<string, ErrorCodeEntry>;

/** A code of the catalogue, e.g. `MODEL_NOT_FOUND`. */
export type ErrorCode = keyof typeof errorCatalogue;

/** Every code of the catalogue, in catalogue order. */
export const errorCodes = Object.keys(errorCatalogue) as ErrorCode[];

/** The problem `type` URI of a code (a URN: it names the code, it is not fetched). */
export function toProblemType(code: ErrorCode): string {
  return `urn:sextant:error:${code.toLowerCase().replaceAll("_", "-")}`;
}

/** True when the string is a code of the catalogue. */
export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(errorCatalogue, value);
}
