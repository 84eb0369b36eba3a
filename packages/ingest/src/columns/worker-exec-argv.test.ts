import { describe, expect, it } from 'vitest';
import { startWithFlags, workerExecArgv } from './worker-exec-argv.js';

describe('the flags of a worker', () => {
  it('are inherited unless the process has --input-type, which is dropped in both spellings', () => {
    expect(workerExecArgv(['--max-old-space-size=4096', '--import', 'tsx'])).toBeUndefined();
    expect(workerExecArgv([])).toBeUndefined();
    // `node --input-type=module -e "…"`: Node's execArgv holds the flag, then -e and the script.
    expect(workerExecArgv(['--input-type=module', '-e', 'code'])).toEqual(['-e', 'code']);
    expect(workerExecArgv(['--conditions=x', '--input-type', 'commonjs', '--enable-source-maps'])).toEqual([
      '--conditions=x',
      '--enable-source-maps',
    ]);
  });

  it('leave out the flags Node names as invalid in a worker, then all flags', () => {
    const invalid = (names: string) =>
      Object.assign(new Error(`Initiated Worker with invalid execArgv flags: ${names}`), {
        code: 'ERR_WORKER_INVALID_EXEC_ARGV',
      });
    const tried: Array<string[] | undefined> = [];
    const flags = ['--input-type=module', '--stack-size=900', '--conditions=x', '--trace-gc'];
    const started = startWithFlags((options) => {
      tried.push(options.execArgv);
      if (options.execArgv?.includes('--stack-size=900')) throw invalid('--stack-size=900, --trace-gc');
      return 'worker';
    }, flags);
    expect(started).toBe('worker');
    expect(tried).toEqual([['--stack-size=900', '--conditions=x', '--trace-gc'], ['--conditions=x']]);
    // Refused again: no flags at all. Any other error is the caller's.
    const last: Array<string[] | undefined> = [];
    startWithFlags((options) => {
      last.push(options.execArgv);
      if ((options.execArgv?.length ?? 0) > 0) throw invalid('--something-else');
      return 'worker';
    }, flags);
    expect(last.at(-1)).toEqual([]);
    expect(() =>
      startWithFlags(() => {
        throw new Error('no such file');
      }, flags),
    ).toThrow('no such file');
    expect(startWithFlags((options) => options, ['--trace-gc'])).toEqual({});
  });
});
