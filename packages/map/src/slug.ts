/** Turns a label into a slug (`Check out!` → `check-out`), unique among `taken`, which it extends. @internal */
export function uniqueSlug(label: string, taken: Set<string>, fallback: string): string {
  const base =
    label
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/ł/g, 'l')
      .replace(/Ł/g, 'L')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 56)
      .replace(/-+$/, '') || fallback;
  let slug = base;
  for (let k = 2; taken.has(slug); k++) slug = `${base}-${k}`;
  taken.add(slug);
  return slug;
}
