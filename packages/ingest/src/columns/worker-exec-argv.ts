/**
 * The Node flags for a reader worker (internal): `undefined` (the worker inherits the process's flags, Node leaving out
 * those a worker cannot take) unless the process was started with `--input-type`, which Node passes on and then
 * refuses in a worker started from a file (`ERR_INPUT_TYPE_NOT_ALLOWED`): with `node --input-type=module -e …` every
 * worker failed to start and the read fell back to the calling thread, with no error and no speed-up. Then the
 * process's flags less that one.
 *
 * @param execArgv - The process's flags (`process.execArgv`).
 * @returns The flags for a worker, or `undefined` to inherit them.
 */
export function workerExecArgv(execArgv: readonly string[]): string[] | undefined {
  if (!execArgv.some((flag) => flag === '--input-type' || flag.startsWith('--input-type='))) return undefined;
  const flags: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const flag = execArgv[i] as string;
    if (flag.startsWith('--input-type=')) continue;
    if (flag === '--input-type') {
      i++; // its value, given as the next argument
      continue;
    }
    flags.push(flag);
  }
  return flags;
}

/**
 * Starts a worker with {@link workerExecArgv}'s flags (internal). Flags given explicitly are checked by Node, which
 * refuses V8 options there (`--max-old-space-size`, `--trace-…`: `ERR_WORKER_INVALID_EXEC_ARGV`, naming them) though
 * it drops them silently when they are inherited: those it names are left out, as inheriting would, and if it still
 * refuses, the worker starts with no flags.
 *
 * @param start - Makes the worker with the given options.
 * @param execArgv - The process's flags.
 * @returns The worker.
 */
export function startWithFlags<T>(
  start: (options: { execArgv?: string[] }) => T,
  execArgv: readonly string[] = process.execArgv,
): T {
  const flags = workerExecArgv(execArgv);
  if (flags === undefined) return start({});
  try {
    return start({ execArgv: flags });
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw error;
    const named = (error as Error).message.slice((error as Error).message.indexOf(': ') + 2).split(', ');
    try {
      return start({ execArgv: flags.filter((flag) => !named.includes(flag)) });
    } catch (again) {
      if ((again as { code?: unknown }).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw again;
      return start({ execArgv: [] });
    }
  }
}
