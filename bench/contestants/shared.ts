// What every hand-written contestant page shares: where the data file is, the same
// d3 treemap of region › product line, and the report the harness reads.
import { hierarchy, treemap } from 'd3-hierarchy';
import parquetWasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';

export const LEVELS = ['region', 'product_line'] as const;
export const FIGURES = ['target_share', 'amount'] as const;

/** One cell of the breakdown: region × product line with its summed target and actual. */
export interface Cell {
  region: string;
  product_line: string;
  target: number;
  actual: number;
}

/** The page's data file and its format, from `?src=…`. */
export function dataFile(): { src: string; format: 'csv' | 'parquet' } {
  const src = new URLSearchParams(location.search).get('src');
  if (!src) throw new Error('?src= is missing');
  return { src, format: src.endsWith('.parquet') ? 'parquet' : 'csv' };
}

export async function fetchBytes(src: string): Promise<Uint8Array> {
  const response = await fetch(src);
  if (!response.ok) throw new Error(`${src}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * Parquet decoded by parquet-wasm (its wasm starts while the bytes arrive), only the
 * columns the breakdown needs, as an Arrow IPC stream.
 */
export async function parquetStream(bytes: Promise<Uint8Array>): Promise<Uint8Array> {
  const parquet = await import('parquet-wasm/esm');
  const [data] = await Promise.all([bytes, parquet.default({ module_or_path: parquetWasmUrl })]);
  return parquet.readParquet(data, { columns: [...LEVELS, ...FIGURES] }).intoIPCStream();
}

const SVG = 'http://www.w3.org/2000/svg';

/** Draws the cells as a two-level treemap (area = target, shade = achievement). */
export function drawTreemap(cells: readonly Cell[], width = 960, height = 540): SVGSVGElement {
  const byRegion = new Map<string, Cell[]>();
  for (const cell of cells) {
    const list = byRegion.get(cell.region) ?? [];
    list.push(cell);
    byRegion.set(cell.region, list);
  }
  type Node = { name: string; cell?: Cell; children?: Node[] };
  const root = hierarchy<Node>({
    name: 'all',
    children: [...byRegion].map(([name, list]) => ({
      name,
      children: list.map((cell) => ({ name: cell.product_line, cell })),
    })),
  })
    .sum((node) => node.cell?.target ?? 0)
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  const laid = treemap<Node>().size([width, height]).paddingInner(2).paddingTop(18)(root);
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  for (const node of laid.descendants().slice(1)) {
    const rect = document.createElementNS(SVG, 'rect');
    const rate = node.data.cell ? node.data.cell.actual / node.data.cell.target : 1;
    rect.setAttribute('x', String(node.x0));
    rect.setAttribute('y', String(node.y0));
    rect.setAttribute('width', String(Math.max(0, node.x1 - node.x0)));
    rect.setAttribute('height', String(Math.max(0, node.y1 - node.y0)));
    rect.setAttribute('fill', node.children ? '#e5e7eb' : rate >= 1 ? '#4caf7a' : '#e2a23b');
    const label = document.createElementNS(SVG, 'text');
    label.setAttribute('x', String(node.x0 + 4));
    label.setAttribute('y', String(node.y0 + 13));
    label.textContent = node.data.cell
      ? `${node.data.name} ${(rate * 100).toFixed(0)}%`
      : node.data.name;
    svg.append(rect, label);
  }
  document.body.append(svg);
  return svg;
}

/** What the harness reads: when the picture was on screen, and the figures behind it. */
export interface BenchReport {
  ms: number;
  groups: number;
  target: number;
  actual: number;
  error?: string;
}

declare global {
  interface Window {
    benchDone?: BenchReport;
  }
}

/** Reports the frame that showed the picture: `drawnAt`, else the next frame. */
export function reportDrawn(cells: readonly Cell[], drawnAt?: number): void {
  requestAnimationFrame(() => {
    const ms = drawnAt ?? performance.now();
    window.benchDone = {
      ms,
      groups: cells.length,
      target: cells.reduce((sum, cell) => sum + cell.target, 0),
      actual: cells.reduce((sum, cell) => sum + cell.actual, 0),
    };
  });
}

export function reportError(error: unknown): void {
  window.benchDone = { ms: NaN, groups: 0, target: 0, actual: 0, error: String(error) };
}
