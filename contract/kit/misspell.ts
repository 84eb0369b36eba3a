/** A likely typo of a key: two neighbouring letters swapped (or a letter doubled for one-letter keys). */
export function misspell(key: string): string {
  if (key.length < 2) return `${key}${key}`;
  const i = Math.max(0, Math.floor(key.length / 2) - 1);
  const swapped = `${key.slice(0, i)}${key[i + 1]}${key[i]}${key.slice(i + 2)}`;
  return swapped === key ? `${key}x` : swapped;
}
