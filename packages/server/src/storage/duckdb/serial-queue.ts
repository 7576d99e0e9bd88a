/**
 * Runs async tasks one at a time: a DuckDB connection executes one statement sequence at a time,
 * and a transaction must not interleave with another caller's statements.
 */

/** A FIFO of async tasks executed strictly one after another. */
export interface SerialQueue {
  run<T>(task: () => Promise<T>): Promise<T>;
}

/** Creates an empty serial queue. */
export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      const result = tail.then(task, task);
      tail = result.catch(() => undefined);
      return result;
    },
  };
}
