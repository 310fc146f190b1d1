import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { nativeEngine } from '@stratex/data/node';
import { sqlString, withDuckDB } from '../../../../../fixtures/scripts/duckdb';

// The loader against native DuckDB's own `read_csv` (its sniffer, default options) on DuckDB's
// test files: rows and columns the same, or the difference written down with who is right.
const engine = nativeEngine({ recover: false, inMemoryCsvBytes: 0 });
afterAll(() => engine.close());
const dir = new URL('../../../../../../shared/corpus/duckdb-csv/', import.meta.url);

type Reading = string;
interface Difference {
  stratex: Reading;
  duckdb: Reading;
  right: 'Stratex' | 'DuckDB' | 'neither' | 'both';
  why: string;
}

const refuses = 'refuses';
const shape = (rows: number, width: number, rejected = 0): Reading =>
  `${rows} rows of ${width}${rejected > 0 ? `, ${rejected} counted as rejected` : ''}`;

const DIFFERENCES: Record<string, Difference> = {
  'csv_quoted_newline_odd.csv': {
    stratex: shape(1, 1, 1),
    duckdb: shape(1, 2),
    right: 'Stratex',
    why: "the header names one column; DuckDB takes the last line's two and drops the quoted tweet without a count",
  },
  'decimal_separators__mixed_format_fail.csv': {
    stratex: shape(2, 2, 1),
    duckdb: shape(3, 1),
    right: 'DuckDB',
    why: 'one column of decimal-comma numbers under "foo": we read the comma as a separator (two of three values hold one); nothing is lost in silence, but DuckDB reads it better',
  },
  'empty.csv': {
    stratex: refuses,
    duckdb: shape(0, 1),
    right: 'both',
    why: 'a file of zero bytes: we say it is empty, DuckDB gives an empty table',
  },
  'encodings__all_utf16.csv': {
    stratex: shape(63_481, 1),
    duckdb: refuses,
    right: 'Stratex',
    why: 'UTF-16 with a byte-order mark: we decode it, DuckDB reads it only when told the encoding',
  },
  'encodings__shift_jis.csv': {
    stratex: shape(20, 2),
    duckdb: refuses,
    right: 'DuckDB',
    why: 'Shift-JIS bytes that are also valid GBK: we load them garbled (the two cannot be told apart), DuckDB refuses bytes that are not UTF-8',
  },
  'encodings__utf16.csv': {
    stratex: shape(20, 2),
    duckdb: refuses,
    right: 'Stratex',
    why: 'UTF-16 with a byte-order mark, decoded here',
  },
  'evil_nullpadding.csv': {
    stratex: shape(0, 4, 2),
    duckdb: shape(3, 1),
    right: 'neither',
    why: 'semicolon rows of 4, 2 and 2 values and a quote across lines: DuckDB reads one column, we read the first line as a header of four and count the two shorter rows',
  },
  'extra_delimiters.csv': {
    stratex: shape(3, 3, 1),
    duckdb: shape(4, 1),
    right: 'Stratex',
    why: 'a header of three and one row of five: DuckDB gives up on the commas and reads one column',
  },
  'inconsistent_cells.csv': {
    stratex: shape(1, 3, 3),
    duckdb: shape(2, 5),
    right: 'Stratex',
    why: 'the header names three columns; DuckDB widens to five and keeps only the five-value rows',
  },
  'invalid_utf8.csv': {
    stratex: shape(2, 1),
    duckdb: refuses,
    right: 'Stratex',
    why: 'UTF-16 with one unreadable character: we load it and say where it shows as �',
  },
  'line_too_long.csv.gz': {
    stratex: shape(0, 1),
    duckdb: refuses,
    right: 'both',
    why: 'one 2 MB line: DuckDB refuses a line over its limit; we read it as a header with no rows and say so in notes',
  },
  'locations_row_trailing_comma.csv': {
    stratex: shape(0, 4, 1),
    duckdb: shape(1, 5),
    right: 'DuckDB',
    why: "the only row has a fifth value: DuckDB adds a column for it, we keep the header's four and count the row as rejected",
  },
  'mixed_new_line.csv': {
    stratex: shape(3, 3),
    duckdb: refuses,
    right: 'Stratex',
    why: "LF and CRLF in one file of numbers, no header row: DuckDB's sniffer stops on the mixed line endings",
  },
  'nullpadding.csv': {
    stratex: shape(1, 3, 4),
    duckdb: shape(1, 5),
    right: 'neither',
    why: 'rows of one to five numbers: DuckDB takes the widest as the table, we take the first; each keeps one row and we count the other four',
  },
  'rejects__frankstein__nightmare.csv': {
    stratex: shape(45, 3, 2),
    duckdb: refuses,
    right: 'Stratex',
    why: 'damaged bytes on line 38: we load, count the bad rows and note the bytes',
  },
  'rejects__incorrect_columns__mix_columns.csv': {
    stratex: shape(2_768, 4, 4),
    duckdb: shape(2_772, 1),
    right: 'Stratex',
    why: 'four rows of the wrong width among 2,772: DuckDB falls back to one column of whole lines',
  },
  'rejects__multiple_errors__cast_and_less_col.csv': {
    stratex: shape(2, 4, 2),
    duckdb: shape(4, 1),
    right: 'Stratex',
    why: 'two short rows: DuckDB falls back to one column of whole lines',
  },
  'rejects__multiple_errors__more_col_and_max_line.csv': {
    stratex: shape(2, 4, 1),
    duckdb: shape(1, 5),
    right: 'Stratex',
    why: 'one row of five under a header of four: DuckDB widens to five and keeps only that row',
  },
  'test__invalid_utf_big.csv': {
    stratex: shape(3_033, 3),
    duckdb: refuses,
    right: 'Stratex',
    why: 'four lines of damaged bytes among copies of the header: we load them with a note, and keep the copies as rows as DuckDB does when it skips the damaged lines',
  },
  'test__invalid_utf_quoted_nl.csv': {
    stratex: shape(20, 3),
    duckdb: refuses,
    right: 'Stratex',
    why: 'the same, with a quoted line break',
  },
  'test__many_empty_lines.csv': {
    stratex: shape(1, 1),
    duckdb: shape(19_999, 1),
    right: 'Stratex',
    why: 'blank lines are counted as blank, not rows of one empty value',
  },
  'test__mixed_line_endings.csv': {
    stratex: shape(3, 3),
    duckdb: refuses,
    right: 'Stratex',
    why: "CRLF, LF and CR in one file: DuckDB's sniffer stops; with the endings made one it reads the same three rows and no header",
  },
  'test__unterminated.csv': {
    stratex: shape(1, 1),
    duckdb: shape(2, 1),
    right: 'Stratex',
    why: 'the blank line is counted as blank, not kept as a row',
  },
  'thousands_separator__thousands_broken.csv': {
    stratex: shape(4, 1),
    duckdb: shape(3, 1),
    right: 'Stratex',
    why: 'four quoted amounts and no header: DuckDB makes the first amount a column name',
  },
  'unescaped_quotes__unescaped_quote_new_line.csv': {
    stratex: shape(7, 2, 5),
    duckdb: shape(11, 1),
    right: 'neither',
    why: 'records split by undoubled quotes: DuckDB reads one column of line pieces, we keep the pieces with two values and count the rest',
  },
};

async function ours(file: string, bytes: Uint8Array, table: string): Promise<Reading> {
  try {
    const loaded = await engine.tables.loadCsvBytes(table, bytes, { file });
    return shape(loaded.rowCount, loaded.columns.length, loaded.rejects?.rows ?? 0);
  } catch {
    return refuses;
  }
}

describe.skipIf(!existsSync(dir))('the loader against native DuckDB read_csv', () => {
  const files = existsSync(dir) ? readdirSync(dir).filter((file) => file !== 'LICENSE') : [];
  it('every difference written down is about a file of the corpus', () => {
    expect(Object.keys(DIFFERENCES).filter((file) => !files.includes(file))).toEqual([]);
  });
  files.forEach((file, index) => {
    const known = DIFFERENCES[file];
    it(`${file}${known ? `: ${known.right} right, ${known.why}` : ''}`, async () => {
      const path = fileURLToPath(new URL(file, dir));
      const stratex = await ours(file, new Uint8Array(readFileSync(path)), `diff_${index}`);
      const duckdb = await withDuckDB(async (connection) => {
        try {
          const reader = await connection.runAndReadAll(
            `SELECT * FROM read_csv(${sqlString(path)}, all_varchar = true)`,
          );
          return shape(reader.getRows().length, reader.columnNames().length);
        } catch {
          return refuses;
        }
      });
      if (known)
        expect({ stratex, duckdb }).toEqual({ stratex: known.stratex, duckdb: known.duckdb });
      else if (duckdb === refuses) expect(stratex).toBe(refuses);
      else expect(stratex).toBe(duckdb);
    });
  });
});
