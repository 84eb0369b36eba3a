/** Maps strings to dense indices in order of first appearance (internal). */
export class StringDictionary {
  readonly values: string[] = [];
  readonly #index = new Map<string, number>();

  /** Index of `value`, adding it when new. */
  intern(value: string): number {
    let index = this.#index.get(value);
    if (index === undefined) {
      index = this.values.length;
      this.values.push(value);
      this.#index.set(value, index);
    }
    return index;
  }

  /** Index of `value`, or `-1` when absent. */
  get(value: string): number {
    return this.#index.get(value) ?? -1;
  }

  get size(): number {
    return this.values.length;
  }
}
