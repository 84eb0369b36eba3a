import { CsvTokenizer } from './tokenizer.js';

const CANDIDATES = [',', ';', '\t', '|'] as const;

/** Field counts of the first records of `sample` read with `delimiter` (internal). */
function counts(sample: Uint8Array, delimiter: string, records: number): number[] {
  const tokenizer = new CsvTokenizer(delimiter.charCodeAt(0));
  tokenizer.reset(sample, 0, sample.length, false);
  const out: number[] = [];
  while (out.length < records && tokenizer.next()) out.push(tokenizer.error === 0 ? tokenizer.count : -1);
  if (out.length === 0) {
    tokenizer.reset(sample, 0, sample.length, true);
    while (out.length < records && tokenizer.next()) out.push(tokenizer.error === 0 ? tokenizer.count : -1);
  }
  return out;
}

/**
 * The delimiters under which the first records of `sample` all have the same number of fields, more than one,
 * most fields first (internal). One result is a confident sniff; several or none are for the caller to report.
 */
export function sniffDelimiters(sample: Uint8Array, records = 20): string[] {
  const scored: Array<[string, number]> = [];
  for (const d of CANDIDATES) {
    const c = counts(sample, d, records);
    const first = c[0] ?? 0;
    if (first > 1 && c.every((n) => n === first)) scored.push([d, first]);
  }
  return scored.sort((a, b) => b[1] - a[1]).map(([d]) => d);
}

/** `, ;`… as words for messages (internal). */
export function delimiterName(d: string): string {
  return d === '\t' ? 'tab (\\t)' : JSON.stringify(d);
}
