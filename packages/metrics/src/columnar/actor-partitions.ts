import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { toActorColumns } from './csr.js';
import type { InteractionBatch, InteractionColumns } from './interaction-columns.js';

/** Bytes of one spilled event: actor, name, channel, touchpoint, stage (4 bytes each) and time (8) (internal). */
export const SPILLED_EVENT_BYTES = 28;

/** The dictionaries the spilled codes refer to, read once the whole stream is read (internal). */
export interface PartitionDictionaries {
  readonly actorCount: number;
  readonly names: readonly string[];
  readonly channels: readonly string[];
  readonly touchpoints: readonly string[];
  readonly stages: readonly string[];
}

/** One partition's buffer: columns of `capacity` events, written out when full (internal). */
class PartitionBuffer {
  readonly actor: Int32Array;
  readonly name: Int32Array;
  readonly channel: Int32Array;
  readonly touchpoint: Int32Array;
  readonly stage: Int32Array;
  readonly time: Float64Array;
  length = 0;
  readonly fd: number;

  constructor(capacity: number, fd: number) {
    this.actor = new Int32Array(capacity);
    this.name = new Int32Array(capacity);
    this.channel = new Int32Array(capacity);
    this.touchpoint = new Int32Array(capacity);
    this.stage = new Int32Array(capacity);
    this.time = new Float64Array(capacity);
    this.fd = fd;
  }

  /** Appends the block: a 4-byte event count, then each column's values (internal layout of the spill files). */
  flush(): void {
    const n = this.length;
    if (n === 0) return;
    writeSync(this.fd, new Uint8Array(Int32Array.of(n).buffer));
    for (const column of [this.actor, this.name, this.channel, this.touchpoint, this.stage, this.time])
      writeSync(this.fd, new Uint8Array(column.buffer, 0, n * column.BYTES_PER_ELEMENT));
    this.length = 0;
  }
}

/**
 * Events of a stream split by actor into `count` temporary files (internal): actor `a` goes to partition
 * `a % count` as local actor `⌊a / count⌋`, so every actor's events are in one partition, in stream order, and the
 * local actor indices keep the order of first appearance. Memory: `count × capacity` buffered events, whatever
 * the length of the stream.
 */
export class ActorPartitions {
  readonly count: number;
  readonly #directory: string;
  readonly #buffers: PartitionBuffer[];
  #events = 0;

  /**
   * @param directory - An empty directory for the files (the caller removes it).
   * @param count - Number of partitions.
   * @param capacity - Events buffered per partition before a write.
   */
  constructor(directory: string, count: number, capacity: number) {
    this.count = count;
    this.#directory = directory;
    this.#buffers = Array.from(
      { length: count },
      (_, k) => new PartitionBuffer(capacity, openSync(this.#file(k), 'w')),
    );
  }

  /** Events added so far. */
  get events(): number {
    return this.#events;
  }

  /** Adds a batch of the stream. */
  add(batch: InteractionBatch): void {
    const { actor, name, channel, touchpoint, stage, time } = batch;
    const count = this.count;
    const buffers = this.#buffers;
    for (let i = 0; i < batch.length; i++) {
      const a = actor[i] as number;
      const b = buffers[a % count] as PartitionBuffer;
      const k = b.length;
      b.actor[k] = (a - (a % count)) / count;
      b.name[k] = name[i] as number;
      b.channel[k] = channel[i] as number;
      b.touchpoint[k] = touchpoint[i] as number;
      b.stage[k] = stage[i] as number;
      b.time[k] = time[i] as number;
      b.length = k + 1;
      if (b.length === b.actor.length) b.flush();
    }
    this.#events += batch.length;
  }

  /** Writes out what is buffered and closes the files; the buffers are released. */
  finish(): void {
    for (const b of this.#buffers) {
      b.flush();
      closeSync(b.fd);
    }
    this.#buffers.length = 0;
  }

  /**
   * Partition `k` as columns grouped by local actor and sorted by time per actor (ties in stream order), with the
   * stream's final dictionaries. Its `actorIds` are the local actors' indices in the stream, as text.
   */
  read(k: number, dictionaries: PartitionDictionaries): InteractionColumns {
    const bytes = readFileSync(this.#file(k));
    const events = Math.floor(bytes.length / SPILLED_EVENT_BYTES);
    const actor = new Int32Array(events);
    const name = new Int32Array(events);
    const channel = new Int32Array(events);
    const touchpoint = new Int32Array(events);
    const stage = new Int32Array(events);
    const time = new Float64Array(events);
    let offset = 0;
    let at = 0;
    while (offset < bytes.length) {
      const n = bytes.readInt32LE(offset);
      offset += 4;
      for (const column of [actor, name, channel, touchpoint, stage, time]) {
        const size = n * column.BYTES_PER_ELEMENT;
        bytes.copy(
          new Uint8Array(column.buffer, at * column.BYTES_PER_ELEMENT, size),
          0,
          offset,
          offset + size,
        );
        offset += size;
      }
      at += n;
    }
    const local = Math.max(0, Math.ceil((dictionaries.actorCount - k) / this.count));
    return toActorColumns({
      length: at,
      actorIds: Array.from({ length: local }, (_, i) => String(i * this.count + k)),
      actor: actor.subarray(0, at),
      time: time.subarray(0, at),
      name: name.subarray(0, at),
      names: dictionaries.names,
      channel: channel.subarray(0, at),
      channels: dictionaries.channels,
      touchpoint: touchpoint.subarray(0, at),
      touchpoints: dictionaries.touchpoints,
      stage: stage.subarray(0, at),
      stages: dictionaries.stages,
      numeric: {},
    });
  }

  #file(k: number): string {
    return join(this.#directory, `partition-${k}.bin`);
  }
}
