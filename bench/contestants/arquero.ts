// arquero by hand: parse (CSV with arquero's own reader; Parquet through parquet-wasm into
// Arrow), group by region and product line, and the shared d3 treemap. Pure JS but for the
// Parquet decoder.
import { fromArrow, fromCSV, op } from 'arquero';
import parquetWasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { type Cell, dataFile, drawTreemap, fetchBytes, reportDrawn, reportError } from './shared';

async function main(): Promise<void> {
  const { src, format } = dataFile();
  let table;
  if (format === 'csv') {
    table = fromCSV(await (await fetch(src)).text());
  } else {
    const parquet = await import('parquet-wasm/esm');
    const [bytes] = await Promise.all([
      fetchBytes(src),
      parquet.default({ module_or_path: parquetWasmUrl }),
    ]);
    const ipc = parquet
      .readParquet(bytes, { columns: ['region', 'product_line', 'target_share', 'amount'] })
      .intoIPCStream();
    table = fromArrow(ipc);
  }
  const cells = table
    .groupby('region', 'product_line')
    .rollup({ target: op.sum('target_share'), actual: op.sum('amount') })
    .objects() as Cell[];
  drawTreemap(cells);
  reportDrawn(cells);
}

main().catch(reportError);
