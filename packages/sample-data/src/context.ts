/** Resolved options plus derived constants shared by every generator. */
export interface ShopContext {
  readonly seed: number;
  readonly customers: number;
  readonly startMs: number;
  readonly endMs: number;
  readonly businessShare: number;
}

/** PRNG stream numbers: each kind of independent entity gets its own stream. */
export const STREAM = { customer: 1, account: 2, mention: 3 } as const;

/** Customer id of the customer at a zero-based index, e.g. `c0000001` for index 0. */
export function customerIdOf(index: number): string {
  return `c${String(index + 1).padStart(7, '0')}`;
}
