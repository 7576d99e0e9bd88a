import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { launchChromium } from "./chromium-session.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../packages/cli/src/run-cli.js";

// The HTML report of the 15-column peer data, opened in Debian's Chromium: content, sorting, size, no errors.
const peer = new URL("../../shared/bench-data/drift-15col/10000/", import.meta.url).pathname;
let dir = "";
let htmlPath = "";
let browser: Browser;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "sextant-e2e-"));
  htmlPath = join(dir, "report.html");
  const code = await runCli(
    [
      "report",
      "-q",
      "-r",
      `${peer}reference.parquet`,
      "-c",
      `${peer}current.parquet`,
      "--target",
      "target",
      "--prediction",
      "prediction",
      "--prediction-proba",
      "prediction_proba",
      "--segment",
      "cat_00_k5",
      "--protected",
      "cat_00_k5",
      "--html",
      htmlPath,
    ],
    { log: () => undefined, stdout: () => undefined },
  );
  expect(code).toBe(0);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
  await rm(dir, { recursive: true, force: true });
});

describe("HTML report in Chromium", () => {
  it("is one self-contained file under 2 MB with no external reference", async () => {
    expect((await stat(htmlPath)).size).toBeLessThan(2 * 1024 * 1024);
    const html = await readFile(htmlPath, "utf8");
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it("shows the verdicts, charts and sections, sorts tables, and logs no error", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") problems.push(m.text());
    });
    page.on("pageerror", (e) => problems.push(e.message));
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(htmlPath).href);

    await expect(page.title()).resolves.toContain("Sextant report");
    expect(await page.getByTestId("dataset-drift").innerText()).toContain("3 of 15 columns drifted");
    const rows = page.getByTestId("drift-table").locator("tbody tr");
    expect(await rows.count()).toBe(15);
    // Sorted by drift: the strongest drift comes first and is marked.
    expect(await rows.first().locator("td").first().innerText()).toBe("num_01_normal");
    expect(await rows.first().getAttribute("class")).toBe("drifted");
    expect(await page.getByTestId("column-card").count()).toBeGreaterThanOrEqual(15);
    expect(await page.locator("#drift svg").count()).toBeGreaterThanOrEqual(16);
    expect(await page.getByTestId("curves").locator("svg").count()).toBe(3);
    expect(await page.getByTestId("confusion-matrix").count()).toBe(2);
    expect(await page.locator("#fairness").innerText()).toContain("demographic_parity_difference");
    expect(await page.getByTestId("segment-table").locator("tbody tr").count()).toBe(5);
    expect(await page.getByTestId("quality-table").locator("tbody tr").count()).toBe(18);

    // Clicking "column" sorts by name ascending, clicking again descending.
    const header = page.getByTestId("drift-table").locator("th", { hasText: "column" });
    await header.click();
    expect(await rows.first().locator("td").first().innerText()).toBe("cat_00_k5");
    await header.click();
    expect(await rows.first().locator("td").first().innerText()).toBe("num_09_uniform_int");

    await page.emulateMedia({ media: "print" });
    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
    expect(requests.every((u) => u.startsWith("file:") || u.startsWith("data:"))).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });
});
