/** Reading the Cookie header and writing Set-Cookie values for the session and CSRF cookies. */

/** The session cookie (HttpOnly). */
export const sessionCookieName = "sextant_session";
/** The CSRF cookie (readable by the web UI, which echoes it in X-CSRF-Token). */
export const csrfCookieName = "sextant_csrf";

/** The value of one cookie in a Cookie header, if present. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined;
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index < 0) continue;
    if (part.slice(0, index).trim() !== name) continue;
    const value = part.slice(index + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** A Set-Cookie value; `maxAgeSeconds` 0 deletes the cookie. */
export function toSetCookie(input: {
  readonly name: string;
  readonly value: string;
  readonly maxAgeSeconds: number;
  readonly httpOnly: boolean;
  readonly secure: boolean;
}): string {
  const parts = [
    `${input.name}=${encodeURIComponent(input.value)}`,
    "Path=/",
    `Max-Age=${input.maxAgeSeconds}`,
    "SameSite=Lax",
  ];
  if (input.httpOnly) parts.push("HttpOnly");
  if (input.secure) parts.push("Secure");
  return parts.join("; ");
}
