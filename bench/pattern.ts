// Benchmark of @cx/model's linear-time pattern matcher against RegExp (the reference) in the same process.
// Run: node --conditions=@cx/source --expose-gc --import tsx bench/pattern.ts
// Env: TESTS (default 2000000 tests per benign pattern).
import { readFileSync } from 'node:fs';
import { compilePattern, type SafePattern } from '@cx/model';

const TESTS = Number(process.env.TESTS ?? 2_000_000);
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

// Event names as a shop emits them (GA4's recommended events and a few custom ones).
const NAMES = [
  'page_view',
  'view_item',
  'view_item_list',
  'add_to_cart',
  'remove_from_cart',
  'begin_checkout',
  'add_payment_info',
  'purchase',
  'refund',
  'search',
  'sign_up',
  'login',
  'support_ticket_opened',
  'survey_response',
  'email_open',
  'email_click',
];

/** Tests the names `TESTS` times; returns ns per test and the number of matches (kept, so the work is not dropped). */
function timeIt(run: () => number): { ns: number; matches: number } {
  gc();
  const start = performance.now();
  const matches = run();
  return { ns: ((performance.now() - start) * 1e6) / TESTS, matches };
}
// Two loops, one per implementation, so that each call site sees one kind of object.
function loopRegExp(re: RegExp): number {
  let matches = 0;
  for (let i = 0; i < TESTS; i++) if (re.test(NAMES[i % NAMES.length] as string)) matches++;
  return matches;
}
function loopSafe(pattern: SafePattern): number {
  let matches = 0;
  for (let i = 0; i < TESTS; i++) if (pattern.test(NAMES[i % NAMES.length] as string)) matches++;
  return matches;
}

console.log(
  `load average before: ${load()}; ${TESTS.toLocaleString('en')} tests per pattern, Node ${process.version}`,
);
console.log(
  '\nbenign stage-rule patterns (warm-up run first, then measured; ratio = compilePattern / RegExp)',
);
console.log(
  `  ${'pattern'.padEnd(44)} ${'size'.padStart(5)} ${'RegExp'.padStart(9)} ${'ours'.padStart(9)} ${'ratio'.padStart(7)}`,
);
for (const [source, flags] of [
  ['^(add_to_cart|begin_checkout|purchase)$', ''],
  ['^view_item', ''],
  ['email_', ''],
  ['^(?:page|screen)_view$', ''],
  ['checkout|payment', 'i'],
  ['^[a-z]+_(open|click)$', ''],
] as const) {
  const ours = compilePattern(source, { flags });
  const reference = new RegExp(source, `u${flags}`);
  timeIt(() => loopRegExp(reference));
  timeIt(() => loopSafe(ours));
  const r = timeIt(() => loopRegExp(reference));
  const o = timeIt(() => loopSafe(ours));
  if (r.matches !== o.matches) throw new Error(`${source}: ${o.matches} matches, RegExp ${r.matches}`);
  console.log(
    `  ${source.padEnd(44)} ${String(ours.size).padStart(5)} ${`${r.ns.toFixed(0)} ns`.padStart(9)} ${`${o.ns.toFixed(0)} ns`.padStart(9)} ${`${(o.ns / r.ns).toFixed(1)}×`.padStart(7)}`,
  );
}

console.log(
  "\nhostile: ^(a+)+$ on n a's and a b (no match); RegExp backtracks through 2^n ways to split the a's",
);
const hostile = compilePattern('^(a+)+$');
const reference = /^(a+)+$/u;
reference.test(`${'a'.repeat(16)}b`); // warm-up
for (const n of [18, 20, 22, 24]) {
  const text = `${'a'.repeat(n)}b`;
  let start = performance.now();
  reference.test(text);
  const r = performance.now() - start;
  start = performance.now();
  hostile.test(text);
  const o = performance.now() - start;
  console.log(
    `  n = ${String(n).padStart(6)}: RegExp ${r.toFixed(1).padStart(8)} ms, ours ${o.toFixed(3).padStart(8)} ms, ratio ${(r / o).toFixed(0)}×`,
  );
}
for (const n of [1_000, 10_000, 100_000, 1_000_000]) {
  const text = `${'a'.repeat(n)}b`;
  const start = performance.now();
  hostile.test(text);
  console.log(
    `  n = ${String(n).padStart(9)}: ours ${(performance.now() - start).toFixed(2).padStart(8)} ms (RegExp: not run, 2^n)`,
  );
}
console.log(`\nload average after: ${load()}`);
