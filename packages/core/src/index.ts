/**
 * @sextant/core: the pure statistics and decision core. No I/O, no clock, no Node APIs, no npm packages.
 */
export * from "./result.js";
