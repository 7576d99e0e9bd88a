import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createSextantClient, SextantApiError, type FetchLike } from "./client.js";
import { computeBackoffMs, createPredictionLogger, isRetryableIngestError } from "./prediction-logger.js";

interface Sent {
  url: string;
  headers: Record<string, string>;
  rows: Record<string, unknown>[];
}

/** A fake server: answers each ingest with the next scripted status (200 when the script is empty). */
function createFakeFetch(script: { status: number; retryAfter?: string }[] = []) {
  const sent: Sent[] = [];
  const storedIds = new Set<string>();
  const fetch: FetchLike = (url, init) => {
    const rows = String(init.body)
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    sent.push({ url, headers: init.headers, rows });
    const next = script.shift();
    if (next !== undefined && next.status !== 200) {
      const problem = {
        type: "x",
        title: "t",
        status: next.status,
        detail: "busy",
        code: "INGEST_BUFFER_FULL",
      };
      return Promise.resolve({
        status: next.status,
        headers: { get: (name: string) => (name === "retry-after" ? (next.retryAfter ?? null) : null) },
        text: () => Promise.resolve(JSON.stringify(problem)),
      });
    }
    let accepted = 0;
    for (const row of rows) {
      if (!storedIds.has(String(row.id))) accepted += 1;
      storedIds.add(String(row.id));
    }
    const result = {
      received: rows.length,
      accepted,
      duplicates: rows.length - accepted,
      rejected: 0,
      rejectedRows: [],
    };
    return Promise.resolve({
      status: 200,
      headers: { get: () => null },
      text: () => Promise.resolve(JSON.stringify(result)),
    });
  };
  return { fetch, sent, storedIds };
}

function setup(script: { status: number; retryAfter?: string }[] = [], extra: object = {}) {
  const fake = createFakeFetch(script);
  const sleeps: number[] = [];
  const client = createSextantClient({ baseUrl: "http://sx.test/", apiKey: "sxk_abc", fetch: fake.fetch });
  let next = 0;
  const logger = createPredictionLogger({
    client,
    versionId: "ver_1",
    maxBatchRows: 3,
    flushIntervalMs: 1000,
    generateId: () => `gen-${(next += 1)}`,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    random: () => 0.5,
    ...extra,
  });
  return { ...fake, sleeps, logger };
}

describe("createPredictionLogger", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("sends a batch as soon as maxBatchRows rows wait, with the API key and client-side ids", async () => {
    const { logger, sent } = setup();
    const ids = await Promise.all([
      logger.log({ x: 1 }),
      logger.log({ x: 2 }),
      logger.log({ id: "own", x: 3 }),
    ]);
    expect(ids).toEqual(["gen-1", "gen-2", "own"]);
    await logger.flush();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.url).toBe("http://sx.test/api/v1/versions/ver_1/predictions?partial=true");
    expect(sent[0]?.headers.authorization).toBe("Bearer sxk_abc");
    expect(sent[0]?.rows.map((row) => row.id)).toEqual(["gen-1", "gen-2", "own"]);
    expect(logger.stats).toMatchObject({ logged: 3, accepted: 3, buffered: 0 });
  });

  it("sends a partial batch flushIntervalMs after the first row, not before", async () => {
    const { logger, sent } = setup();
    await logger.log({ x: 1 });
    await vi.advanceTimersByTimeAsync(999);
    expect(sent).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    await logger.flush();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.rows).toHaveLength(1);
  });

  it("retries 503 and 429 with the same ids, honouring Retry-After, so nothing is stored twice", async () => {
    const { logger, sent, sleeps, storedIds } = setup([{ status: 503, retryAfter: "2" }, { status: 429 }]);
    for (let i = 0; i < 3; i += 1) await logger.log({ x: i });
    await logger.flush();
    expect(sent).toHaveLength(3);
    expect(sent[2]?.rows).toEqual(sent[0]?.rows);
    expect(sleeps).toEqual([2000, 375]); // Retry-After 2 s, then 500 ms ceiling × (0.5 + 0.5 × 0.5)
    expect(storedIds.size).toBe(3);
    expect(logger.stats).toMatchObject({ retries: 2, accepted: 3, failed: 0 });
  });

  it("gives a batch up after maxRetries and reports it; a 422 is never retried", async () => {
    const errors: unknown[] = [];
    const { logger, sent } = setup([{ status: 503 }, { status: 503 }, { status: 503 }, { status: 422 }], {
      maxRetries: 2,
      onError: (error: unknown) => errors.push(error),
    });
    for (let i = 0; i < 6; i += 1) await logger.log({ x: i });
    await logger.flush();
    expect(sent).toHaveLength(4); // 3 attempts of the first batch, 1 of the second
    expect(errors.map((error) => (error as SextantApiError).status)).toEqual([503, 422]);
    expect(logger.stats).toMatchObject({ failed: 6, accepted: 0, retries: 2, buffered: 0 });
  });

  it("drops new rows beyond maxBufferedRows with overflow drop_newest, and counts them", async () => {
    const { logger, sent } = setup([], { maxBatchRows: 10, maxBufferedRows: 10, overflow: "drop_newest" });
    for (let i = 0; i < 15; i += 1) await logger.log({ x: i });
    expect(logger.stats.dropped).toBe(5);
    await logger.close();
    expect(sent.flatMap((request) => request.rows)).toHaveLength(10);
  });

  it("blocks log() while the buffer is full and resumes once a batch is acknowledged", async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { fetch, sent } = createFakeFetch();
    const slowFetch: FetchLike = async (url, init) => {
      await gate;
      return fetch(url, init);
    };
    const client = createSextantClient({ baseUrl: "http://sx.test", fetch: slowFetch });
    const logger = createPredictionLogger({ client, versionId: "v", maxBatchRows: 2, maxBufferedRows: 2 });
    await logger.log({ x: 1 });
    await logger.log({ x: 2 });
    let third = false;
    const pending = logger.log({ x: 3 }).then(() => {
      third = true;
    });
    await vi.advanceTimersByTimeAsync(5000);
    expect(third).toBe(false);
    expect(logger.stats.buffered).toBe(2);
    release();
    await pending;
    expect(third).toBe(true);
    await logger.close();
    expect(sent.flatMap((request) => request.rows)).toHaveLength(3);
  });

  it("refuses rows after close()", async () => {
    const { logger } = setup();
    await logger.close();
    await expect(logger.log({ x: 1 })).rejects.toThrow(/closed/);
  });
});

describe("isRetryableIngestError and computeBackoffMs", () => {
  const apiError = (status: number, retryAfter?: number) =>
    new SextantApiError({ type: "x", title: "t", status, detail: "", code: "C" }, retryAfter);

  it.each([
    [apiError(503), true],
    [apiError(429), true],
    [apiError(502), true],
    [apiError(422), false],
    [apiError(401), false],
    [new TypeError("fetch failed"), true],
    [new Error("bug"), false],
  ])("retryable(%s) is %s", (error, expected) => {
    expect(isRetryableIngestError(error)).toBe(expected);
  });

  it("doubles up to the cap and prefers Retry-After", () => {
    const base = { initialBackoffMs: 100, maxBackoffMs: 1000, random: () => 1 };
    expect(
      [0, 1, 2, 3, 4, 5].map((attempt) => computeBackoffMs({ ...base, attempt, error: apiError(503) })),
    ).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect(computeBackoffMs({ ...base, attempt: 5, error: apiError(503, 7) })).toBe(7000);
  });
});

describe("createSextantClient", () => {
  it("keeps the session cookie from login and sends the CSRF token on changes only", async () => {
    const calls: { method: string; headers: Record<string, string> }[] = [];
    const fetch: FetchLike = (_url, init) => {
      calls.push({ method: init.method, headers: init.headers });
      const isLogin = calls.length === 1;
      return Promise.resolve({
        status: 200,
        headers: {
          get: () => null,
          getSetCookie: () =>
            isLogin ? ["sextant_session=s1; HttpOnly; Path=/", "sextant_csrf=c1; Path=/"] : [],
        },
        text: () => Promise.resolve(JSON.stringify(isLogin ? { csrfToken: "tok" } : { items: [] })),
      });
    };
    const client = createSextantClient({ baseUrl: "http://sx.test", fetch });
    await client.login("admin", "pw");
    await client.call("listModels", {});
    await client.call("createWorkspace", { body: { slug: "a", name: "A" } });
    expect(calls[1]?.headers.cookie).toBe("sextant_session=s1; sextant_csrf=c1");
    expect(calls[1]?.headers["x-csrf-token"]).toBeUndefined();
    expect(calls[2]?.headers["x-csrf-token"]).toBe("tok");
    expect(calls[2]?.headers.authorization).toBeUndefined();
  });

  it("turns a non-JSON error body into a SextantApiError with the Retry-After seconds", async () => {
    const fetch: FetchLike = () =>
      Promise.resolve({
        status: 503,
        headers: { get: (name: string) => (name === "retry-after" ? "3" : null) },
        text: () => Promise.resolve("<html>Service Unavailable</html>"),
      });
    const client = createSextantClient({ baseUrl: "http://sx.test", fetch });
    const error = await client.ingest("v", "labels", [{ id: "1" }]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SextantApiError);
    expect((error as SextantApiError).retryAfterSeconds).toBe(3);
    expect((error as SextantApiError).problem.code).toBe("UPSTREAM_ERROR");
  });
});
