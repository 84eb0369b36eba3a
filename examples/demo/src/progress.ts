// Progress output for the demo's long steps: a line per step with its duration, quiet when asked.

/** Reports steps as they start and finish. */
export interface Progress {
  step<T>(label: string, work: () => T | Promise<T>): Promise<T>;
  note(text: string): void;
}

/** Progress printed to stdout (or nothing when `quiet`). */
export function consoleProgress(quiet = false): Progress {
  const started = Date.now();
  const print = (text: string) => {
    if (!quiet) process.stdout.write(text);
  };
  return {
    async step(label, work) {
      const t0 = Date.now();
      if (process.stdout.isTTY) print(`  … ${label}`);
      const result = await work();
      print(
        `${process.stdout.isTTY ? '\r' : ''}  ✓ ${label} (${((Date.now() - t0) / 1000).toFixed(1)} s, total ${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
      );
      return result;
    },
    note(text) {
      print(`    ${text}\n`);
    },
  };
}
