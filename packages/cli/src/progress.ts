// Progress of the long steps on stderr (stdout stays free for the summary): a line when a step ends, with its time;
// on a terminal, a line that updates while a file is read.

/** Where progress goes. */
export interface Progress {
  /** Runs a step and reports it when it ends. */
  step<T>(label: string, work: () => T | Promise<T>): Promise<T>;
  /** Reports how far a long step got (rows read so far). */
  tick(label: string, done: number): void;
  /** A line of its own (a warning, a summary). */
  note(text: string): void;
}

const count = new Intl.NumberFormat('en-US');

/** Progress written to a stream (stderr by default); `quiet` writes nothing. */
export function streamProgress(
  out: { write(text: string): unknown; isTTY?: boolean } = process.stderr,
  quiet = false,
): Progress {
  const started = Date.now();
  const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
  let lastTick = 0;
  const write = (text: string) => {
    if (!quiet) out.write(text);
  };
  return {
    async step(label, work) {
      const t0 = Date.now();
      if (out.isTTY) write(`  … ${label}`);
      const result = await work();
      write(`${out.isTTY ? '\r\u001B[K' : ''}  ✓ ${label} (${seconds(t0)}, ${seconds(started)} in all)\n`);
      return result;
    },
    tick(label, done) {
      const now = Date.now();
      if (!out.isTTY || now - lastTick < 250) return;
      lastTick = now;
      write(`\r\u001B[K  … ${label}: ${count.format(done)} rows`);
    },
    note(text) {
      write(`${out.isTTY ? '\r\u001B[K' : ''}${text}\n`);
    },
  };
}
