import { describe, expect, it } from 'vitest';
import { toSql } from './dialect.js';
import { ident, sql } from './fragment.js';

describe('SQL fragments', () => {
  it('binds values as typed parameters and never splices them into the text', () => {
    const evil = "x'; DROP TABLE t; --";
    const q = sql`SELECT * FROM t WHERE a = ${evil} AND b > ${1.5} AND c = ${7} AND d = ${true}`;
    expect(toSql(q, 'postgres')).toEqual({
      dialect: 'postgres',
      text: 'SELECT * FROM t WHERE a = $1::text AND b > $2::double precision AND c = $3::bigint AND d = $4::boolean',
      params: [
        { value: evil, type: 'text' },
        { value: 1.5, type: 'float' },
        { value: 7, type: 'int' },
        { value: true, type: 'bool' },
      ],
    });
    expect(toSql(q, 'duckdb').text).toBe(
      'SELECT * FROM t WHERE a = $1::VARCHAR AND b > $2::DOUBLE AND c = $3::BIGINT AND d = $4::BOOLEAN',
    );
    expect(toSql(q, 'clickhouse').text).toBe(
      'SELECT * FROM t WHERE a = {p1:String} AND b > {p2:Float64} AND c = {p3:Int64} AND d = {p4:Bool}',
    );
    expect(toSql(sql`SELECT ${null}`, 'clickhouse').text).toBe('SELECT {p1:Nullable(String)}');
  });

  it('quotes identifiers per dialect, qualified names as parts', () => {
    const name = 'we"ird`name\\; --';
    expect(toSql(ident(name), 'duckdb').text).toBe('"we""ird`name\\; --"');
    expect(toSql(ident(name), 'postgres').text).toBe('"we""ird`name\\; --"');
    expect(toSql(ident(name), 'clickhouse').text).toBe('`we"ird\\`name\\\\; --`');
    expect(toSql(ident('analytics', 'events.v1'), 'duckdb').text).toBe('"analytics"."events.v1"');
  });

  it('rejects names and values that cannot be represented', () => {
    expect(() => ident('')).toThrow(/non-empty identifier/);
    expect(() => ident('a\u0000b')).toThrow(/NUL/);
    expect(() => sql`SELECT ${Number.NaN}`).toThrow(/finite number/);
    expect(() => sql`SELECT ${Number.POSITIVE_INFINITY}`).toThrow(/finite number/);
  });
});
