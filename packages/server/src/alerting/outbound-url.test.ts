import { describe, expect, it } from "vitest";
import { assertOutboundHostAllowed, isInternalAddress } from "./outbound-url.js";

// One row per address class; `internal` says whether the guard must refuse it without an allow-list entry.
const addressCases: readonly { address: string; internal: boolean; why: string }[] = [
  { address: "127.0.0.1", internal: true, why: "IPv4 loopback" },
  { address: "127.255.255.254", internal: true, why: "loopback /8" },
  { address: "10.0.0.1", internal: true, why: "private 10/8" },
  { address: "172.16.0.1", internal: true, why: "private 172.16/12 low end" },
  { address: "172.31.255.255", internal: true, why: "private 172.16/12 high end" },
  { address: "172.32.0.1", internal: false, why: "just outside 172.16/12" },
  { address: "192.168.1.1", internal: true, why: "private 192.168/16" },
  { address: "169.254.169.254", internal: true, why: "link-local (cloud metadata)" },
  { address: "100.64.0.1", internal: true, why: "CGNAT 100.64/10" },
  { address: "100.128.0.1", internal: false, why: "just outside CGNAT" },
  { address: "0.0.0.0", internal: true, why: "unspecified" },
  { address: "224.0.0.1", internal: true, why: "multicast" },
  { address: "8.8.8.8", internal: false, why: "public IPv4" },
  { address: "::1", internal: true, why: "IPv6 loopback" },
  { address: "::", internal: true, why: "IPv6 unspecified" },
  { address: "fc00::1", internal: true, why: "IPv6 unique-local fc" },
  { address: "fd12:3456::1", internal: true, why: "IPv6 unique-local fd" },
  { address: "fe80::1", internal: true, why: "IPv6 link-local" },
  { address: "ff02::1", internal: true, why: "IPv6 multicast" },
  { address: "::ffff:127.0.0.1", internal: true, why: "IPv4-mapped loopback" },
  { address: "::ffff:8.8.8.8", internal: false, why: "IPv4-mapped public" },
  { address: "2001:4860:4860::8888", internal: false, why: "public IPv6" },
];

describe("isInternalAddress", () => {
  it.each(addressCases)("$address ($why) → internal $internal", ({ address, internal }) => {
    expect(isInternalAddress(address)).toBe(internal);
  });
});

const resolveTable: Readonly<Record<string, string[]>> = {
  "hooks.example.com": ["93.184.216.34"],
  "rebind.example.com": ["93.184.216.34", "10.0.0.7"],
  "intranet.example.com": ["192.168.0.10"],
};
const resolve = (host: string): Promise<string[]> => Promise.resolve(resolveTable[host] ?? []);

// One row per guard decision: host, allow-list, refused or not.
const guardCases: readonly { host: string; allowList: string[]; refused: boolean; why: string }[] = [
  { host: "hooks.example.com", allowList: [], refused: false, why: "public name" },
  { host: "rebind.example.com", allowList: [], refused: true, why: "one resolved address is private" },
  { host: "intranet.example.com", allowList: [], refused: true, why: "private name" },
  {
    host: "intranet.example.com",
    allowList: ["intranet.example.com"],
    refused: false,
    why: "host allow-listed",
  },
  { host: "intranet.example.com", allowList: ["192.168.0.10"], refused: false, why: "address allow-listed" },
  { host: "127.0.0.1", allowList: [], refused: true, why: "literal loopback" },
  { host: "127.0.0.1", allowList: ["127.0.0.1"], refused: false, why: "literal allow-listed" },
  { host: "[::1]", allowList: [], refused: true, why: "bracketed IPv6 loopback" },
  { host: "[::1]", allowList: ["::1"], refused: false, why: "bracketed IPv6 allow-listed" },
  { host: "8.8.8.8", allowList: [], refused: false, why: "public literal" },
];

describe("assertOutboundHostAllowed", () => {
  it.each(guardCases)(
    "$host with [$allowList] ($why) → refused $refused",
    async ({ host, allowList, refused }) => {
      const outcome = assertOutboundHostAllowed({ host, allowList, resolve });
      if (refused) await expect(outcome).rejects.toThrow(/internal and not allow-listed/);
      else await expect(outcome).resolves.toBeUndefined();
    },
  );
});
