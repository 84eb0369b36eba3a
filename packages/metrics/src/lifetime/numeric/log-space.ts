// Log-space arithmetic shared by the BTYD likelihoods (ln Γ and ln B come from ../../stats/special.ts).

/**
 * ln(e^a + e^b) without overflow.
 *
 * @internal
 */
export function logAddExp(a: number, b: number): number {
  if (a === Number.NEGATIVE_INFINITY) return b;
  if (b === Number.NEGATIVE_INFINITY) return a;
  const m = Math.max(a, b);
  return m + Math.log1p(Math.exp(-Math.abs(a - b)));
}

/**
 * ln(e^a − e^b) for a ≥ b without overflow; −∞ when a = b.
 *
 * @internal
 */
export function logSubExp(a: number, b: number): number {
  if (b === Number.NEGATIVE_INFINITY) return a;
  const d = b - a;
  if (d >= 0) return Number.NEGATIVE_INFINITY;
  // ln(1 − e^d): expm1 near 0, log1p far from 0 (Mächler 2012).
  return a + (d > -Math.LN2 ? Math.log(-Math.expm1(d)) : Math.log1p(-Math.exp(d)));
}
