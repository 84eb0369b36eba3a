// Vitest setup shared by every project: property tests are reproducible in CI and exploratory elsewhere.
// With CI=true, fast-check runs from a fixed seed (FC_SEED, default below), so a CI verdict depends only on the code;
// locally every run draws new cases. Set FC_RANDOM=1 in CI to explore (e.g. in a nightly job); a failure prints its
// seed and path, and FC_SEED reproduces it.
import fc from 'fast-check';

if (process.env.CI === 'true' && process.env.FC_RANDOM !== '1') {
  fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20_261_124) });
}
