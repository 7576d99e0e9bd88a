/**
 * Entry point of the batch path (`@sextant/server/report`): file loading, report assembly and rendering,
 * without the HTTP app, so the CLI's `report` and `check` start without loading Fastify.
 */
export { isInputError, InputError, type InputErrorCode } from "../files/input-error.js";
export { isFileFormat, fileFormats, selectFileFormat, type FileFormat } from "../files/file-format.js";
export { loadDatasets, type LoadDatasetsRequest } from "../files/load-datasets.js";
export type { ColumnInference, LoadedColumn, LoadedDatasets } from "../files/loaded-datasets.js";
export { buildReport, type BuildReportOptions } from "./build-report.js";
export type { DriftSettings } from "./drift-section.js";
export { startFeatureDriftWorker, type FeatureDriftWorker } from "./feature-drift-runner.js";
export { minRowsForPriming, primeFeatureScoring, primePerformanceInSteps } from "./kernel-priming.js";
export { renderReportHtml } from "./render-html.js";
export { renderReportJson } from "./render-json.js";
export { renderReportMarkdown } from "./render-markdown.js";
export * from "./report-model.js";
