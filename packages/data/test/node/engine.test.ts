import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeEngine } from '@stratex/data/node';

const engine = nodeEngine();
afterAll(() => engine.close());

const evaluationCsv = '评估维度,目标值,实际值\r\n销售额,500万元,540万元\r\n线索转化率,15%,12%\r\n';

describe('engine on DuckDB-WASM in Node', () => {
  it('loads UTF-8 CSV as text columns and answers a bound query', async () => {
    const loaded = await engine.tables.loadCsvBytes(
      'evaluation',
      new TextEncoder().encode(evaluationCsv),
    );
    expect(loaded.columns).toEqual(['评估维度', '目标值', '实际值']);
    expect(loaded.rowCount).toBe(2);
    expect(loaded.encoding).toBe('utf-8');
    const rows = await engine.records('SELECT "实际值" FROM evaluation WHERE "评估维度" = ?', [
      '销售额',
    ]);
    expect(rows).toEqual([{ 实际值: '540万元' }]);
  });

  it('decodes GBK bytes before DuckDB sees them, so the same table results', async () => {
    const gbk = iconv.encode(evaluationCsv, 'gbk');
    const loaded = await engine.tables.loadCsvBytes('evaluation_gbk', gbk);
    expect(loaded.encoding).toBe('gb18030');
    const rows = await engine.records('SELECT * FROM evaluation_gbk ORDER BY 1');
    const reference = await engine.records('SELECT * FROM evaluation ORDER BY 1');
    expect(rows).toEqual(reference);
  });

  it('quotes identifiers so a hostile table name stays a name', async () => {
    const loaded = await engine.tables.loadCsvBytes(
      'x"; DROP TABLE evaluation; --',
      new TextEncoder().encode('a\n1\n'),
    );
    expect(loaded.rowCount).toBe(1);
    const still = await engine.records('SELECT count(*)::INT AS n FROM evaluation');
    expect(still[0]?.n).toBe(2);
  });

  it('rejects an empty file with a message naming it', async () => {
    await expect(
      engine.tables.loadCsvBytes('empty', new Uint8Array(), { file: 'empty.csv' }),
    ).rejects.toThrow('empty.csv is empty.');
  });
});
