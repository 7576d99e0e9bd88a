/**
 * Generates the demo loan applications hour by hour: stable until the drift day, then the applicant
 * mix shifts (inflated bureau credit scores, more small-business loans, broker channel): the model's
 * scores fall while the true default rate rises, so estimated and realised F1 both drop. Values depend only on the seed and the hour index.
 */
import { createDemoRandom, type DemoRandom } from "./demo-random.js";

/** One generated application: prediction row, its label and its business outcome. */
export interface LoanApplication {
  readonly prediction: Record<string, unknown>;
  readonly defaulted: boolean;
  readonly netRevenue: number;
}

const purposes = [
  "debt_consolidation",
  "home_improvement",
  "car",
  "education",
  "medical",
  "small_business",
] as const;
const statements: Readonly<Record<(typeof purposes)[number], readonly string[]>> = {
  debt_consolidation: ["consolidate my credit cards", "one lower monthly payment", "pay off store cards"],
  home_improvement: ["new kitchen", "roof repair before winter", "insulation and windows"],
  car: ["replace my old car", "used car for commuting", "family car"],
  education: ["master's degree tuition", "professional certification", "training course"],
  medical: ["dental treatment", "surgery costs", "medical bills"],
  small_business: [
    "stock for my shop",
    "equipment for my bakery",
    "expand my delivery business",
    "cash flow for my startup",
  ],
};

function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

function generateOne(random: DemoRandom, id: string, timeMs: number, drifted: boolean): LoanApplication {
  const purpose = random.pick(purposes, drifted ? [3, 2, 2, 1, 1, 4] : [4, 2, 2, 1, 1, 1]);
  const income = Math.round(Math.exp(random.normal(drifted ? 10.75 : 10.6, 0.45)));
  const creditScore = Math.round(Math.min(850, Math.max(300, random.normal(drifted ? 760 : 690, 60))));
  const loanAmount = Math.round(Math.max(1000, random.normal(income * 0.35, income * 0.12)) / 100) * 100;
  const debtToIncome = Math.min(0.9, Math.max(0, random.normal(drifted ? 0.38 : 0.3, 0.1)));
  const employmentYears = Math.max(0, Math.round(random.normal(6, 4) * 10) / 10);
  const homeOwnership = random.pick(["rent", "mortgage", "own"], [4, 4, 2]);
  const hasCosigner = random.uniform() < 0.12;
  const channel = random.pick(["online", "branch", "broker"], drifted ? [4, 2, 4] : [5, 3, 2]);
  const ageBand = random.pick(["18-25", "26-40", "41-60", "60+"], [2, 4, 3, 1]);
  const texts = statements[purpose];
  const statement = texts[Math.floor(random.uniform() * texts.length)]!;
  const modelLogit =
    -1.2 -
    (creditScore - 680) / 55 +
    (debtToIncome - 0.3) * 5 +
    (purpose === "small_business" ? 0.6 : 0) -
    (hasCosigner ? 0.5 : 0) -
    Math.min(employmentYears, 10) * 0.05;
  const score = logistic(modelLogit);
  // After the drift day credit scores are inflated (the real risk is not) and the broker channel brings
  // riskier borrowers than the features reveal.
  const trueLogit =
    modelLogit + (drifted ? 1.8 + (channel === "broker" ? 0.6 : 0) : 0) + random.normal(0, 0.3);
  const defaulted = random.uniform() < logistic(trueLogit);
  const netRevenue = Math.round(defaulted ? -loanAmount * 0.6 : loanAmount * 0.09);
  return {
    prediction: {
      application_id: id,
      decision_time: new Date(timeMs).toISOString(),
      annual_income: income,
      loan_amount: loanAmount,
      credit_score: creditScore,
      debt_to_income: Math.round(debtToIncome * 1000) / 1000,
      employment_years: employmentYears,
      loan_purpose: purpose,
      home_ownership: homeOwnership,
      has_cosigner: hasCosigner,
      applicant_statement: statement,
      channel,
      age_band: random.uniform() < 0.03 ? null : ageBand,
      default_score: Math.round(score * 10_000) / 10_000,
      predicted_default: score >= 0.35,
    },
    defaulted,
    netRevenue,
  };
}

/** The applications of one hour (`hourIndex` from the start of the demo period). */
export function generateHour(options: {
  readonly seed: number;
  readonly hourIndex: number;
  readonly hourStartMs: number;
  readonly meanPerHour: number;
  readonly drifted: boolean;
}): LoanApplication[] {
  const random = createDemoRandom((options.seed ^ Math.imul(options.hourIndex + 1, 0x9e3779b1)) >>> 0);
  const hourOfDay = new Date(options.hourStartMs).getUTCHours();
  const daily = 0.55 + 0.45 * Math.sin(((hourOfDay - 6) / 24) * 2 * Math.PI);
  const count = Math.max(1, Math.round(options.meanPerHour * (0.5 + daily) * (0.9 + 0.2 * random.uniform())));
  const applications: LoanApplication[] = [];
  for (let index = 0; index < count; index += 1) {
    const timeMs = options.hourStartMs + Math.floor((index / count) * 3_600_000);
    const id = `app-${options.hourIndex.toString(36)}-${index.toString(36)}`;
    applications.push(generateOne(random, id, timeMs, options.drifted));
  }
  return applications;
}

/** Reference (training) rows: the pre-drift population with its targets and outcomes. */
export function generateReferenceRows(seed: number, count: number): Record<string, unknown>[] {
  const random = createDemoRandom((seed ^ 0x5eed) >>> 0);
  const rows: Record<string, unknown>[] = [];
  for (let index = 0; index < count; index += 1) {
    const application = generateOne(random, `train-${index}`, 0, false);
    const row: Record<string, unknown> = { ...application.prediction };
    delete row.application_id;
    delete row.decision_time;
    rows.push({ ...row, defaulted: application.defaulted, net_revenue: application.netRevenue });
  }
  return rows;
}
