/**
 * Browser plumbing shared by the e2e suites and bench/web-overview: Debian's Chromium launched with the
 * flags this machine needs, the problems a page reports (console errors, page errors, HTTP ≥ 400), and a
 * demo server with a signed-out page on it.
 */
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { spawnServer, type ServerProcess } from "../packages/server/src/testing/spawn-server.js";

/** Where the e2e suites write their screenshots (git-ignored). */
export const screenshotDir = new URL("./screenshots/", import.meta.url).pathname;

/** Debian's Chromium, headless, without GPU, sandbox or background network traffic. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}

/** A demo server, a browser and a signed-out page on it, with the problems the page reports. */
export interface DemoSession {
  readonly server: ServerProcess;
  readonly browser: Browser;
  readonly page: Page;
  readonly password: string;
  /** Console errors, page errors and HTTP ≥ 400 responses seen so far. */
  readonly problems: string[];
  /** From now on the 401 of the signed-out session probe counts as a problem too. */
  markSignedIn(): void;
  dispose(): Promise<void>;
}

/** Starts a server with the demo (`predictionsPerHour` keeps it quick) and opens a page on it. */
export async function startDemoSession(options: {
  readonly predictionsPerHour: number;
  readonly viewport: { readonly width: number; readonly height: number };
}): Promise<DemoSession> {
  const password = "e2e-admin-password-123";
  const dir = await mkdtemp(join(tmpdir(), "sextant-e2e-"));
  await mkdir(screenshotDir, { recursive: true });
  process.env.SEXTANT_ADMIN_PASSWORD = password;
  const server = await spawnServer([
    "--data-dir",
    dir,
    "--port",
    "0",
    "--demo-predictions-per-hour",
    String(options.predictionsPerHour),
  ]);
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { ...options.viewport } });
  const problems: string[] = [];
  let signedIn = false;
  // Signed out, the app's session probe answers 401 and Chromium logs that response as a console error.
  const isSignedOutProbe = (text: string): boolean => !signedIn && /401|auth\/session/.test(text);
  page.on("console", (message) => {
    if (message.type() === "error" && !isSignedOutProbe(message.text())) problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("response", (response) => {
    const line = `${response.status()} ${response.request().method()} ${response.url()}`;
    if (response.status() >= 400 && !(response.status() === 401 && isSignedOutProbe(response.url())))
      problems.push(line);
  });
  return {
    server,
    browser,
    page,
    password,
    problems,
    markSignedIn: () => {
      signedIn = true;
    },
    async dispose() {
      await browser.close();
      server.child.kill("SIGTERM");
      await server.exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
