import type { JsonValue } from '@cx/model';

/**
 * A Singer or Airbyte message normalized to one shape: Singer `record`/`value` and Airbyte `data`/`state` are
 * mapped onto the same fields.
 *
 * @category Protocols
 * @since 0.1.0
 */
export type ProtocolMessage =
  | {
      readonly type: 'RECORD';
      readonly stream: string;
      readonly namespace?: string;
      readonly data: Record<string, unknown>;
      readonly emittedAt: string | null;
    }
  | {
      readonly type: 'STATE';
      readonly stream: string | null;
      readonly state: JsonValue;
      readonly raw: JsonValue;
    }
  | {
      readonly type: 'SCHEMA';
      readonly stream: string;
      readonly keyProperties: readonly string[];
      readonly bookmarkProperties: readonly string[];
    }
  | { readonly type: 'LOG'; readonly level: string; readonly message: string }
  | { readonly type: 'TRACE'; readonly traceType: string; readonly trace: Record<string, unknown> }
  | { readonly type: 'OTHER'; readonly kind: string };

/**
 * Parses one line of a Singer or Airbyte stream. `type` is case-insensitive (Singer allows it).
 *
 * @param value - The parsed JSON line.
 * @returns The normalized message, or `null` when it is not a protocol message.
 * @example
 * ```ts
 * import { parseProtocolMessage } from '@cx/connectors';
 * const singer = parseProtocolMessage({ type: 'RECORD', stream: 'contacts', record: { id: '501' } });
 * const airbyte = parseProtocolMessage({ type: 'RECORD', record: { stream: 'contacts', data: { id: '501' }, emitted_at: 1717236003000 } });
 * console.log(singer?.type, airbyte?.type); // 'RECORD' 'RECORD'
 * ```
 * @category Protocols
 * @since 0.1.0
 */
export function parseProtocolMessage(value: unknown): ProtocolMessage | null {
  if (value === null || typeof value !== 'object') return null;
  const m = value as Record<string, unknown>;
  if (typeof m.type !== 'string') return null;
  const type = m.type.toUpperCase();
  const obj = (v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  switch (type) {
    case 'RECORD': {
      const airbyte =
        obj(m.record) !== null &&
        obj(obj(m.record)?.data) !== null &&
        typeof obj(m.record)?.stream === 'string';
      if (airbyte) {
        const r = obj(m.record) as Record<string, unknown>;
        return {
          type: 'RECORD',
          stream: r.stream as string,
          ...(typeof r.namespace === 'string' ? { namespace: r.namespace } : {}),
          data: r.data as Record<string, unknown>,
          emittedAt: typeof r.emitted_at === 'number' ? new Date(r.emitted_at).toISOString() : null,
        };
      }
      if (typeof m.stream !== 'string' || obj(m.record) === null) return null;
      return {
        type: 'RECORD',
        stream: m.stream,
        data: m.record as Record<string, unknown>,
        emittedAt: typeof m.time_extracted === 'string' ? m.time_extracted : null,
      };
    }
    case 'STATE': {
      if ('value' in m)
        return { type: 'STATE', stream: null, state: m.value as JsonValue, raw: m as JsonValue };
      const s = obj(m.state);
      if (s === null) return null;
      const descriptor = obj(obj(s.stream)?.stream_descriptor);
      return {
        type: 'STATE',
        stream: typeof descriptor?.name === 'string' ? descriptor.name : null,
        state: s as JsonValue,
        raw: m as JsonValue,
      };
    }
    case 'SCHEMA':
      return {
        type: 'SCHEMA',
        stream: String(m.stream ?? ''),
        keyProperties: Array.isArray(m.key_properties) ? m.key_properties.map(String) : [],
        bookmarkProperties: Array.isArray(m.bookmark_properties) ? m.bookmark_properties.map(String) : [],
      };
    case 'LOG': {
      const log = obj(m.log);
      return {
        type: 'LOG',
        level: String(log?.level ?? 'INFO'),
        message: String(log?.message ?? m.message ?? ''),
      };
    }
    case 'TRACE': {
      const trace = obj(m.trace) ?? {};
      return { type: 'TRACE', traceType: String(trace.type ?? ''), trace };
    }
    default:
      return { type: 'OTHER', kind: type };
  }
}
