// One index per actor over a reader's customer and anonymous id dictionaries (internal).
import { StringIndex } from '@cx/ingest';

/**
 * The actor index of a reader's customer and anonymous ids (internal): the customer dictionary's own indices until
 * the first actor known only by an anonymous id, then one index per distinct id string (an actor is its
 * `customerId`, else its `anonymousId`, as in `streamInteractionCsv`: a customer id and an anonymous id with
 * the same text are one actor; the customers met so far keep their indices). Used on a worker's dictionaries by
 * the chunk reducer (one entry per actor in a chunk) and on the stream's by the chunk merge (one slot per actor).
 */
export class ActorIndex {
  /** The id text of each actor once shared (actor = index: both count up from the customers met before). */
  readonly #ids = new StringIndex();
  #customer: Int32Array = new Int32Array(0);
  #anonymous: Int32Array = new Int32Array(0);
  #shared = false;
  size = 0;

  customer(index: number, values: readonly string[]): number {
    if (!this.#shared) {
      if (index >= this.size) this.size = index + 1;
      return index;
    }
    this.#customer = fit(this.#customer, index);
    return this.#of(this.#customer, index, values);
  }

  anonymous(index: number, values: readonly string[], customers: readonly string[]): number {
    if (!this.#shared) {
      // Customers so far keep their indices (slots of ids met only in rejected rows stay empty).
      this.#shared = true;
      this.#customer = fit(this.#customer, this.size);
      for (let c = 0; c < this.size; c++) {
        this.#ids.add(customers[c] as string);
        this.#customer[c] = c + 1;
      }
    }
    this.#anonymous = fit(this.#anonymous, index);
    return this.#of(this.#anonymous, index, values);
  }

  #of(map: Int32Array, index: number, values: readonly string[]): number {
    let actor = (map[index] as number) - 1;
    if (actor < 0) {
      actor = this.#ids.add(values[index] as string);
      if (actor === this.size) this.size++;
      map[index] = actor + 1;
    }
    return actor;
  }
}

function fit(map: Int32Array, index: number): Int32Array {
  if (index < map.length) return map;
  const grown = new Int32Array(Math.max(index + 1, map.length * 2, 1024));
  grown.set(map);
  return grown;
}
