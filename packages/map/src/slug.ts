/** Turns a label into a slug (`Check out!` → `check-out`, at most 56 characters), or `''` when nothing is left. @internal */
export function slugify(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 56)
    .replace(/-+$/, '');
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
