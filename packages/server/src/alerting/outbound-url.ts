/**
 * The outbound-address guard (no SSRF): a channel may only reach public addresses unless the host or the
 * resolved address is allow-listed in config. Refuses loopback, private, link-local, CGNAT, unspecified,
 * multicast and IPv6 unique-local addresses, after DNS resolution.
 */
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";

/** Resolves a host to its addresses (injectable for tests). */
export type ResolveHost = (host: string) => Promise<string[]>;

/** The default resolver (all addresses of the host). */
export const resolveWithDns: ResolveHost = async (host) =>
  (await lookup(host, { all: true })).map((entry) => entry.address);

function isRefusedIpv4(address: string): boolean {
  const [a = 0, b = 0] = address.split(".").map(Number);
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    a >= 224 ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127)
  );
}

/** True when the address is internal (loopback, private, link-local and similar). */
export function isInternalAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1] !== undefined) return isRefusedIpv4(mapped[1]);
  if (isIP(address) === 4) return isRefusedIpv4(address);
  const lower = address.toLowerCase();
  return (
    lower === "::" || lower === "::1" || /^f[cd]/.test(lower) || /^fe[89ab]/.test(lower) || /^ff/.test(lower)
  );
}

/** Throws an Error naming the address when `host` may not be reached. */
export async function assertOutboundHostAllowed(input: {
  readonly host: string;
  readonly allowList: readonly string[];
  readonly resolve: ResolveHost;
}): Promise<void> {
  const host = input.host.replace(/^\[|\]$/g, "");
  if (input.allowList.includes(host)) return;
  const addresses = isIP(host) === 0 ? await input.resolve(host) : [host];
  for (const address of addresses) {
    if (isInternalAddress(address) && !input.allowList.includes(address)) {
      throw new Error(`outbound address ${address} of ${host} is internal and not allow-listed`);
    }
  }
}
