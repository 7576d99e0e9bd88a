/**
 * A one-line progress bar on a terminal (stderr is a TTY and not `--quiet`); a no-op otherwise, so logs
 * and CI output stay free of carriage returns.
 */

/** Reports progress of the long steps; `done` clears the line. */
export interface Progress {
  readonly update: (fraction: number, label: string) => void;
  readonly done: () => void;
}

const width = 28;

/** A progress bar writing to `stream` when it is a terminal and output is not quiet. */
export function createProgress(stream: NodeJS.WriteStream, quiet: boolean): Progress {
  if (quiet || !stream.isTTY) return { update: () => undefined, done: () => undefined };
  let shown = false;
  return {
    update: (fraction, label) => {
      const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
      stream.write(
        `\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${Math.round(fraction * 100)}% ${label}\u001b[K`,
      );
      shown = true;
    },
    done: () => {
      if (shown) stream.write("\r\u001b[K");
    },
  };
}
