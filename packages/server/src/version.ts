/** The server's release version, reported by /healthz and the OpenAPI document. */
export const serverVersion = "0.1.0";
