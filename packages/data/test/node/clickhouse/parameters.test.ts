import { describe, expect, it } from 'vitest';
import { tableFromJsonCompact } from '../../../src/clickhouse/json-compact';
import { bindParameters, escapeParameter, wireFor } from '../../../src/clickhouse/parameters';
import { unescapeParameter } from '../../chdb-server';
import { HOSTILE } from './hostile-values';

describe('values apart from the text, for a current ClickHouse (no server needed)', () => {
  it.each([
    ['18.16.1', 'literals'],
    ['19.17.4.11', 'literals'],
    ['22.8.21.38', 'literals'],
    ['23.1.1.3077', 'parameters'],
    ['24.3.2.23', 'parameters'],
    ['26.7.2.1', 'parameters'],
    ['not a version', 'literals'],
  ])('a server of release %s is spoken to with %s', (version, wire) => {
    expect(wireFor(version)).toBe(wire);
  });

  it('names each value as a typed parameter, leaving ? inside strings, names and comments', () => {
    expect(
      bindParameters("SELECT '?' AS `a?` -- ?\n, ?, ?, ?, ?, ?, ?, ? /* ? */", [
        'x',
        5,
        -5,
        70_000,
        0.5,
        true,
        null,
      ]),
    ).toEqual({
      sql: "SELECT '?' AS `a?` -- ?\n, {p0:String}, {p1:UInt8}, {p2:Int8}, {p3:UInt32}, {p4:Float64}, {p5:UInt8}, NULL /* ? */",
      values: { p0: 'x', p1: '5', p2: '-5', p3: '70000', p4: '0.5', p5: '1' },
    });
    expect(() => bindParameters('SELECT ?', [Number.NaN])).toThrow(/finite/);
    expect(() => bindParameters('SELECT ?, ?', [1])).toThrow(/more \? placeholders/);
  });

  it('writes each value in the escaped form the server reads back to the same text', () => {
    expect(escapeParameter('a\\b\tc\nd\re\u0000f\'g"h')).toBe('a\\\\b\\tc\\nd\\re\\0f\'g"h');
    for (const value of HOSTILE) expect(unescapeParameter(escapeParameter(value))).toBe(value);
  });
});

describe('answers with integers too long for a JavaScript number (no server needed)', () => {
  it('reads them exactly, unquoted as current releases write them, and leaves text and fractions alone', () => {
    const body = JSON.stringify({
      meta: [
        { name: 'big', type: 'Int64' },
        { name: 'huge', type: 'UInt64' },
        { name: 'share', type: 'Float64' },
        { name: 'note', type: 'String' },
      ],
      data: [['BIG', 'HUGE', 0.12345678901234568, '12345678901234567890 and "9007199254740993"']],
    })
      .replace('"BIG"', '-9007199254740993')
      .replace('"HUGE"', '18446744073709551615');
    const [row] = tableFromJsonCompact(body).toArray() as { toJSON(): Record<string, unknown> }[];
    expect(row?.toJSON()).toEqual({
      big: -9007199254740993n,
      huge: 18446744073709551615n,
      share: 0.12345678901234568,
      note: '12345678901234567890 and "9007199254740993"',
    });
  });
});
