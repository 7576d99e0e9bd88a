/**
 * Streams churn predictions to Sextant with the TypeScript SDK (getting-started step 5): a batching
 * logger with client-side ids, size/time flushes and retries on 429/503. From the repository root:
 *   npx tsx --conditions=source examples/getting-started/stream-predictions.ts --model churn
 */
import { parseArgs } from "node:util";
import { createPredictionLogger, createSextantClient } from "@sextant/sdk";

const { values } = parseArgs({
  options: {
    model: { type: "string" },
    rows: { type: "string", default: "600" },
  },
});
const apiKey = process.env.SEXTANT_API_KEY;
if (values.model === undefined || apiKey === undefined) {
  throw new Error("usage: SEXTANT_API_KEY=... stream-predictions.ts --model NAME [--rows 600]");
}
const client = createSextantClient({ baseUrl: process.env.SEXTANT_URL ?? "http://127.0.0.1:8080", apiKey });

const models = await client.call("listModels", { query: { q: values.model } });
const model = models.items.find((item) => item.name === values.model);
if (model === undefined) throw new Error(`no model named ${values.model}`);
const versions = await client.call("listVersions", {
  params: { modelId: model.id },
  query: { stage: "production" },
});
const version = versions.items[0];
if (version === undefined) throw new Error(`model ${values.model} has no production version`);

const logger = createPredictionLogger({ client, versionId: version.id, idColumn: "customer_id" });
// Timestamps from the start of the current hour to now: the window a new monitor evaluates first.
const now = Date.now();
const thisHour = Math.floor(now / 3_600_000) * 3_600_000;
const rows = Number(values.rows);
let seed = 7;
const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
for (let i = 0; i < rows; i += 1) {
  const plan = random() < 0.2 ? "basic" : random() < 0.5 ? "standard" : "premium"; // the drifted mix
  const charges = { basic: 50, standard: 80, premium: 110 }[plan] + (random() - 0.5) * 16;
  const tenure = 1 + Math.floor(random() * 72);
  await logger.log({
    ts: new Date(thisHour + ((now - thisHour) * i) / rows).toISOString(),
    tenure_months: tenure,
    monthly_charges: Math.round(charges * 100) / 100,
    plan,
    region: ["north", "south", "east", "west"][Math.floor(random() * 4)],
    churn_score:
      Math.round(1e4 / (1 + Math.exp(-(-1.5 + 0.02 * (charges - 60) - 0.04 * (tenure - 24))))) / 1e4,
  });
}
await logger.close();
console.log(
  `typescript: sent ${logger.stats.logged} predictions, ${logger.stats.accepted} stored, ${logger.stats.failed} failed`,
);
