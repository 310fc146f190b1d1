// Perspective as its users embed it: the engine in its worker, <perspective-viewer> with
// the d3fc Treemap plugin grouped by region › product line (size = target, colour =
// actual). CSV goes in as text; Parquet through parquet-wasm as an Arrow stream.
import perspective from '@finos/perspective';
import serverWasmUrl from '@finos/perspective/dist/wasm/perspective-server.wasm?url';
import viewerClient from '@finos/perspective-viewer';
import '@finos/perspective-viewer-d3fc';
import clientWasmUrl from '@finos/perspective-viewer/dist/wasm/perspective-viewer.wasm?url';
import '@finos/perspective-viewer/dist/css/pro.css';
import { type Cell, dataFile, fetchBytes, parquetStream, reportDrawn, reportError } from './shared';

perspective.init_server(fetch(serverWasmUrl));
// The viewer's wasm carries Perspective's client too; the client must be ready before a worker.
const clientReady = viewerClient.init_client(fetch(clientWasmUrl));

interface Viewer extends HTMLElement {
  load(table: unknown): Promise<void>;
  restore(config: Record<string, unknown>): Promise<void>;
  flush(): Promise<void>;
}

async function main(): Promise<void> {
  const { src, format } = dataFile();
  const client = clientReady.then(() => perspective.worker());
  let data: string | ArrayBuffer;
  if (format === 'csv') {
    data = await (await fetch(src)).text();
  } else {
    const ipc = await parquetStream(fetchBytes(src));
    data = ipc.buffer.slice(ipc.byteOffset, ipc.byteOffset + ipc.byteLength) as ArrayBuffer;
  }
  const table = await (await client).table(data);
  const viewer = document.createElement('perspective-viewer') as Viewer;
  viewer.style.cssText = 'display:block;width:960px;height:540px';
  document.body.append(viewer);
  // Loading and configuring together: the viewer draws the treemap first, not a default chart of raw rows.
  const loading = viewer.load(table);
  await viewer.restore({
    plugin: 'Treemap',
    group_by: ['region', 'product_line'],
    columns: ['target_share', 'amount'],
    aggregates: { target_share: 'sum', amount: 'sum' },
    settings: false,
  });
  await loading;
  await viewer.flush();
  const drawnAt = await new Promise<number>((resolve) =>
    requestAnimationFrame(() => resolve(performance.now())),
  );
  // The figures the picture was drawn from, read after it is on screen.
  const view = await table.view({
    group_by: ['region', 'product_line'],
    columns: ['target_share', 'amount'],
    aggregates: { target_share: 'sum', amount: 'sum' },
  });
  const columns = (await view.to_columns()) as Record<string, unknown[]>;
  const paths = columns.__ROW_PATH__ as string[][];
  const cells: Cell[] = [];
  paths.forEach((path, i) => {
    if (path.length !== 2) return;
    cells.push({
      region: path[0]!,
      product_line: path[1]!,
      target: Number(columns.target_share![i]),
      actual: Number(columns.amount![i]),
    });
  });
  reportDrawn(cells, drawnAt);
}

main().catch(reportError);
