// arquero by hand: parse (CSV with arquero's own reader; Parquet through parquet-wasm into
// Arrow), group by region and product line, and the shared d3 treemap. Pure JS but for the
// Parquet decoder.
import { fromArrow, fromCSV, op } from 'arquero';
import {
  type Cell,
  dataFile,
  drawTreemap,
  fetchBytes,
  parquetStream,
  reportDrawn,
  reportError,
} from './shared';

async function main(): Promise<void> {
  const { src, format } = dataFile();
  let table;
  if (format === 'csv') {
    table = fromCSV(await (await fetch(src)).text());
  } else {
    const ipc = await parquetStream(fetchBytes(src));
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
