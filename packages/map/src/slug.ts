/**
 * Turns a label into a slug (`Check out!` → `check-out`, `Zażółć` → `zazolc`, at most 56 characters), or `''` when
 * nothing is left. One pass over the label that stops once the slug is full, each character decomposed on its own
 * (NFKD; combining marks dropped), so a long label costs no more than its first letters.
 *
 * @internal
 */
export function slugify(label: string): string {
  let out = '';
  let pendingHyphen = false;
  for (const ch of label) {
    for (const c of (ch === 'ł' ? 'l' : ch === 'Ł' ? 'L' : ch).normalize('NFKD').toLowerCase()) {
      const code = c.charCodeAt(0);
      if (code >= 0x300 && code <= 0x36f) continue;
      if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
        if (pendingHyphen && out !== '') out += '-';
        pendingHyphen = false;
        out += c;
        if (out.length >= 56) return out.slice(0, 56).replace(/-+$/, '');
      } else pendingHyphen = true;
    }
  }
  return out;
}

/**
 * Hands out unique slugs: `take('Pays')` gives `pays`, then `pays-2`, `pays-3` … Each base remembers its next
 * suffix, so n duplicates cost O(n), not O(n²).
 *
 * @internal
 */
export class Slugs {
  readonly #taken = new Set<string>();
  readonly #next = new Map<string, number>();

  /** Marks `slug` as used (an id kept from elsewhere); returns false when it already was. */
  reserve(slug: string): boolean {
    if (this.#taken.has(slug)) return false;
    this.#taken.add(slug);
    return true;
  }

  /** Whether `slug` is in use. */
  has(slug: string): boolean {
    return this.#taken.has(slug);
  }

  /** A new unique slug for `label` (or `fallback` when the label has no letters or digits). */
  take(label: string, fallback: string): string {
    const base = slugify(label) || fallback;
    let k = this.#next.get(base) ?? 1;
    let slug = k === 1 ? base : `${base}-${k}`;
    while (this.#taken.has(slug)) {
      k++;
      slug = `${base}-${k}`;
    }
    this.#next.set(base, k + 1);
    this.#taken.add(slug);
    return slug;
  }
}
