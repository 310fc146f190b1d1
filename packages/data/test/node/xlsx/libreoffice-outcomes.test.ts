import { afterAll, describe, expect, it } from 'vitest';
import type { Engine } from '@stratex/data';
import { nativeEngine, nodeEngine } from '@stratex/data/node';
import { LIBREOFFICE_OUTCOMES } from '../../../../../fixtures/xlsx/outcomes';
import { workbook } from './workbook-files';

// Workbooks LibreOffice wrote (fixtures/xlsx/make/libreoffice.ts), loaded as sources through
// the engine's one way in, every cell checked against fixtures/xlsx/outcomes.ts: read in JS
// (a small file) and by the page's database (DuckDB-WASM) when JS reading is off.
const engines: [string, Engine][] = [
  ['read in JS', nativeEngine()],
  ['read by DuckDB-WASM', nodeEngine({ inMemoryCsvBytes: 0 })],
];
afterAll(() => Promise.all(engines.map(([, engine]) => engine.close())));

describe.each(engines)('a LibreOffice workbook as a source, %s', (_, engine) => {
  it.each(LIBREOFFICE_OUTCOMES.map((outcome) => [outcome.file, outcome] as const))(
    '%s: its load report and every cell as widgets read it',
    async (file, outcome) => {
      const name = file.replace(/\W/g, '_');
      const loaded = await engine.defineSource(name, { bytes: workbook(file), label: file }).ready;
      expect(loaded).toMatchObject({
        encoding: 'xlsx',
        columns: outcome.columns,
        rowCount: outcome.load.rowCount,
        headerRow: outcome.load.headerRow,
        skippedRows: outcome.load.skippedRows,
        rejects: outcome.load.rejects,
      });
      const cells = await engine.coordinator.request({ kind: 'rows', source: name, as: 'cells' });
      expect(cells.columns).toEqual(outcome.columns);
      expect(cells.rows).toEqual(outcome.rows);
    },
  );
});
