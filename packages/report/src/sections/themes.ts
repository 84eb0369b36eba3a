// Themes of customer feedback, sorted and without repeats: exact duplicates (ignoring case and spacing) are merged,
// and a theme whose words all belong to a longer theme on the same side is folded into that theme (shown as
// "also"), so "late" and "late delivery" appear once, as "late delivery".
import { formatCount } from '../format.js';
import type { ReportTheme } from '../input.js';
import type { Section } from '../section.js';

/** A theme after merging, with the themes folded into it. */
export interface MergedTheme extends ReportTheme {
  readonly folded: readonly ReportTheme[];
}

const normal = (term: string) => term.normalize('NFKC').toLocaleLowerCase('en').replace(/\s+/g, ' ').trim();
const words = (term: string) => normal(term).split(' ');

/** Themes merged and sorted: negative side first, then by texts (descending), then by term. */
export function mergeThemes(themes: readonly ReportTheme[]): MergedTheme[] {
  // Exact duplicates: keep the one with the most texts.
  const unique = new Map<string, ReportTheme>();
  for (const theme of themes) {
    const key = `${theme.side}\u0000${normal(theme.term)}`;
    const seen = unique.get(key);
    if (seen === undefined || theme.texts > seen.texts) unique.set(key, theme);
  }
  const list = [...unique.values()].sort((a, b) => words(b.term).length - words(a.term).length);
  const kept: Array<{ theme: ReportTheme; words: Set<string>; folded: ReportTheme[] }> = [];
  for (const theme of list) {
    const own = words(theme.term);
    const home = kept.find(
      (k) => k.theme.side === theme.side && k.words.size > own.length && own.every((w) => k.words.has(w)),
    );
    if (home === undefined) kept.push({ theme, words: new Set(own), folded: [] });
    else home.folded.push(theme);
  }
  return kept
    .map((k) => ({ ...k.theme, folded: k.folded }))
    .sort(
      (a, b) =>
        (a.side === b.side ? 0 : a.side === 'negative' ? -1 : 1) ||
        b.texts - a.texts ||
        (normal(a.term) < normal(b.term) ? -1 : normal(a.term) > normal(b.term) ? 1 : 0),
    );
}

/** The themes section, or `null` without themes. */
export function themesSection(themes: readonly ReportTheme[]): Section | null {
  const merged = mergeThemes(themes);
  if (merged.length === 0) return null;
  const negative = merged.filter((t) => t.side === 'negative');
  const positive = merged.filter((t) => t.side === 'positive');
  const caption =
    `${negative.length} themes of negative feedback and ${positive.length} of positive feedback, most used first.` +
    (negative[0] === undefined
      ? ''
      : ` The most frequent complaint: "${negative[0].term}" (${formatCount(negative[0].texts)} texts).`);
  return {
    id: 'themes',
    title: 'Themes in feedback',
    intro: [
      'Words and phrases that set negative feedback apart from positive feedback (and the other way round). A shorter theme contained in a longer one on the same side is listed under it.',
    ],
    figures: [
      {
        chart: null,
        caption,
        table: {
          name: 'themes',
          caption: 'Themes',
          columns: [
            { label: 'Theme', format: 'text' },
            { label: 'Side', format: 'text' },
            { label: 'Texts', format: 'count' },
            { label: 'Also', format: 'text' },
            { label: 'Example', format: 'text' },
          ],
          rows: merged.map((t) => [
            t.term,
            t.side,
            t.texts,
            t.folded.length === 0 ? null : t.folded.map((f) => `${f.term} (${f.texts})`).join(', '),
            t.example ?? null,
          ]),
        },
      },
    ],
  };
}
