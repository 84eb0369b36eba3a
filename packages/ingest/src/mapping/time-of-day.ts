/**
 * The time of day, in milliseconds, of an instant cell `c[s, s + length)` in one of the two canonical forms of the
 * instant grammar, `YYYY-MM-DDTHH:mm:ss.sssZ` (24 bytes) and `YYYY-MM-DDTHH:mm:ssZ` (20 bytes), or -1 when the part
 * after the date is not one of them (internal). The date itself is not read: the column path uses this to read a
 * cell that repeats the date of the cell before it (a customer's events of one day, one after another) as that
 * cell's day plus this time, where the grammar (`@cx/model`'s `readCanonical`) would read the date again. The rules
 * are the grammar's for these forms: hours 00–23, minutes and seconds 00–59, three digits of milliseconds.
 */
export function timeOfDay(c: Uint8Array, s: number, length: number): number {
  if (length !== 24 && length !== 20) return -1;
  if (c[s + 10] !== 84 || c[s + 13] !== 58 || c[s + 16] !== 58 || c[s + length - 1] !== 90) return -1;
  const hour = digits2(c, s + 11);
  const minute = digits2(c, s + 14);
  const second = digits2(c, s + 17);
  if ((hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) return -1;
  let ms = 0;
  if (length === 24) {
    const m1 = (c[s + 20] as number) - 48;
    const m23 = digits2(c, s + 21);
    if (c[s + 19] !== 46 || m1 < 0 || m1 > 9 || m23 < 0) return -1;
    ms = m1 * 100 + m23;
  }
  return ((hour * 60 + minute) * 60 + second) * 1000 + ms;
}

/** The two decimal digits at `c[i]`, `c[i + 1]`, or -1. */
function digits2(c: Uint8Array, i: number): number {
  const a = (c[i] as number) - 48;
  const b = (c[i + 1] as number) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}
