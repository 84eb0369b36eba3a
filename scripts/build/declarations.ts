// Type declarations for a package's tsup build, or none for the JavaScript-only build of `npm run demo`.
//
// `npm run build` (turbo task `build`) emits JavaScript and declarations (`.d.ts`, `.d.cts`); the declarations take
// about three quarters of the build's CPU time (a TypeScript program per package). Running code needs none of them,
// so `npm run demo` builds with the package script `build:js` (turbo task `build:js`, no ordering between packages:
// tsup bundles a package's own sources only, its dependencies stay imports). tsup runs under npm, which names the
// script being run in `npm_lifecycle_event`.

/** The script name under which the package is built without declarations. */
export const JS_ONLY_SCRIPT = 'build:js';

/**
 * The `dts` option of a tsup config: `options` for the full build, `false` for `build:js`.
 *
 * @param options - tsup's declaration options of the package.
 * @returns `options`, or `false` when the running npm script is `build:js`.
 */
export function declarations<T extends object>(options: T): T | false {
  // biome-ignore lint/suspicious/noUndeclaredEnvVars: npm sets it inside the task (the script's own name); `build` and `build:js` are separate turbo tasks with their own cache keys
  return process.env.npm_lifecycle_event === JS_ONLY_SCRIPT ? false : options;
}
