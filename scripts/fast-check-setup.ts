/**
 * Vitest setup: in CI, property tests run with a fixed fast-check seed so a submission's result does not
 * depend on the draw; locally every run draws a new seed (printed on failure) to keep exploring.
 */
import fc from "fast-check";

if (process.env["CI"] === "true") fc.configureGlobal({ seed: 20261130 });
