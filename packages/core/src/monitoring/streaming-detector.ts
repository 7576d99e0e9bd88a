/**
 * The shape shared by the streaming concept-drift detectors (Page-Hinkley, ADWIN, DDM): a pure step from a
 * JSON-serialisable state and one value of the per-prediction error stream to the next state and its
 * signals, so the server can persist the state between windows and replay a stream offline.
 */

/** One detector step: the next state and whether this value raised a warning or a drift. */
export interface DetectorStep<State> {
  readonly state: State;
  readonly warning: boolean;
  readonly drift: boolean;
}

/** Indices (0-based, into `values`) at which warnings and drifts were raised, and the final state. */
export interface DetectorSignals<State> {
  readonly state: State;
  readonly warningIndices: number[];
  readonly driftIndices: number[];
}

/** Feeds `values` through a detector step function from `initial` and collects its signals. */
export function computeDetectorSignals<State>(input: {
  readonly step: (state: State, value: number) => DetectorStep<State>;
  readonly initial: State;
  readonly values: ArrayLike<number>;
}): DetectorSignals<State> {
  let state = input.initial;
  const warningIndices: number[] = [];
  const driftIndices: number[] = [];
  for (let i = 0; i < input.values.length; i++) {
    const next = input.step(state, input.values[i] as number);
    state = next.state;
    if (next.warning) warningIndices.push(i);
    if (next.drift) driftIndices.push(i);
  }
  return { state, warningIndices, driftIndices };
}

/** Throws when a stream value is not finite (the caller cleans the stream). */
export function assertFiniteStreamValue(value: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`stream value must be finite, got ${value}`);
}
