import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { BlockingConnector, nodeEngine } from '@stratex/data/node';
import type { Engine, LoadedTable } from '@stratex/data';
import { countedEngine } from '../../memory-agreement';

// Each row of a loaded CSV knows the line of the file it starts on, whichever way it was read.
const database = nodeEngine({ inMemoryCsvBytes: 0, recover: false });
const js = countedEngine(() => BlockingConnector.open()).engine;
afterAll(async () => {
  await Promise.all([database.close(), js.close()]);
});

const fixture = (path: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../../../../fixtures/${path}`, import.meta.url)));

const FILES = [
  'template/evaluation.csv',
  'template/evaluation.bom.csv',
  'template/progress.gbk.csv',
  'template/kpi_daily_2024q3.csv',
  'hostile/files/title-row.csv',
  'hostile/files/title-row-padded.csv',
  'hostile/files/quoted-newlines.csv',
  'hostile/files/mixed-line-endings.csv',
  'hostile/files/repeated-header.csv',
  'hostile/files/ragged-rows.csv',
  'hostile/files/merged-cell-leftovers.csv',
  'hostile/files/stray-quotes.csv',
  'hostile/files/utf16le-bom.csv',
  'hostile/files/gbk.csv',
];

/** The file's physical lines, decoded as the load decoded it (1 = first line). */
function physicalLines(bytes: Uint8Array, encoding: string): string[] {
  return new TextDecoder(encoding).decode(bytes).split(/\r\n|\n|\r/);
}

/** The rows' first cells as written and their line numbers, in row order. */
async function numberedRows(
  engine: Engine,
  source: string,
): Promise<{ loaded: LoadedTable; rows: { first: string | null; line: number }[] }> {
  const loaded = await engine.source(source)!.ready;
  await engine.allInDatabase();
  const first = loaded.columns[0]!;
  const rows = await engine.records(
    `SELECT r."${first.replaceAll('"', '""')}" AS first, t.${loaded.lineColumn} AS line
       FROM "${loaded.table}" r POSITIONAL JOIN "${loaded.typedTable}" t`,
  );
  return {
    loaded,
    rows: rows.map((row) => ({
      first: row.first === null ? null : String(row.first),
      line: Number(row.line),
    })),
  };
}

describe('the line each row starts on', () => {
  for (const path of FILES) {
    for (const [way, engine] of [
      ['read by the database', database],
      ['read in JS, then copied in', js],
    ] as const) {
      it(`${path}, ${way}`, async () => {
        const bytes = fixture(path);
        const name = `lines_${path.replace(/\W/g, '_')}`;
        engine.defineSource(name, { bytes, label: path.split('/').pop()! });
        const { loaded, rows } = await numberedRows(engine, name);
        expect(loaded.lineColumn).toBe('__sx_line');
        expect(loaded.columns).not.toContain('__sx_line');
        expect(rows.length).toBe(loaded.rowCount);
        const lines = physicalLines(bytes, loaded.encoding);
        let previous = loaded.headerRow ?? 0;
        for (const { first, line } of rows) {
          expect(line).toBeGreaterThan(previous);
          previous = line;
          const written = (lines[line - 1] ?? '').replace(/^\uFEFF/, '').trimStart();
          const opening = (first ?? '').split(/\r\n|\n|\r/)[0]!.trim();
          const quoted = `"${opening.replaceAll('"', '""')}`;
          expect(written.startsWith(opening) || written.startsWith(quoted)).toBe(true);
        }
      });
    }
  }

  it('keeps a header called like the hidden column, renamed', async () => {
    const bytes = new TextEncoder().encode('__sx_line,目标值\n华东,150万元\n');
    const loaded = await database.defineSource('clash', { bytes, label: 'clash.csv' }).ready;
    expect(loaded.columns).toEqual(['__sx_line_2', '目标值']);
    expect(await database.records(`SELECT __sx_line, __sx_line_2 FROM sx_clash_typed`)).toEqual([
      { __sx_line: 2, __sx_line_2: '华东' },
    ]);
  });
});
