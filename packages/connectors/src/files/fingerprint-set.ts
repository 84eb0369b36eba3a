/** Slots of the first table (grows by doubling). */
const INITIAL_SLOTS = 1 << 16;

/**
 * A set of 96-bit fingerprints (three 32-bit words, e.g. the first 12 bytes of a SHA-256) in one open-addressing
 * table of typed arrays: 13 bytes per slot (12 of fingerprint, 1 of occupancy), between 1/3 and 2/3 full, so 20 to
 * 39 bytes per member (10 million members: 2²⁴ slots, 218 MB), and no per-member
 * object for the garbage collector. Two distinct members collide with probability 2⁻⁹⁶; for 10 million members
 * the chance that any two do is below 10⁻¹⁵.
 *
 * @internal
 */
export class FingerprintSet {
  #words = new Uint32Array(INITIAL_SLOTS * 3);
  #used = new Uint8Array(INITIAL_SLOTS);
  #size = 0;

  /** Members. */
  get size(): number {
    return this.#size;
  }

  /** Bytes held by the table. */
  get bytes(): number {
    return this.#words.byteLength + this.#used.byteLength;
  }

  /**
   * Adds a fingerprint (the first 12 bytes of `digest`).
   *
   * @returns `false` when it was already a member.
   */
  add(digest: Uint8Array): boolean {
    const a = word(digest, 0);
    const b = word(digest, 4);
    const c = word(digest, 8);
    if (!this.#insert(a, b, c)) return false;
    this.#size++;
    if (this.#size * 3 > this.#used.length * 2) this.#grow();
    return true;
  }

  #insert(a: number, b: number, c: number): boolean {
    const mask = this.#used.length - 1;
    for (let slot = a & mask; ; slot = (slot + 1) & mask) {
      if (this.#used[slot] === 0) {
        this.#used[slot] = 1;
        this.#words[slot * 3] = a;
        this.#words[slot * 3 + 1] = b;
        this.#words[slot * 3 + 2] = c;
        return true;
      }
      if (this.#words[slot * 3] === a && this.#words[slot * 3 + 1] === b && this.#words[slot * 3 + 2] === c) {
        return false;
      }
    }
  }

  #grow(): void {
    const words = this.#words;
    const used = this.#used;
    this.#words = new Uint32Array(words.length * 2);
    this.#used = new Uint8Array(used.length * 2);
    for (let slot = 0; slot < used.length; slot++) {
      if (used[slot] === 1)
        this.#insert(words[slot * 3] ?? 0, words[slot * 3 + 1] ?? 0, words[slot * 3 + 2] ?? 0);
    }
  }
}

function word(bytes: Uint8Array, at: number): number {
  return (
    ((bytes[at] ?? 0) |
      ((bytes[at + 1] ?? 0) << 8) |
      ((bytes[at + 2] ?? 0) << 16) |
      ((bytes[at + 3] ?? 0) << 24)) >>>
    0
  );
}
