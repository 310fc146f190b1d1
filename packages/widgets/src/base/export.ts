/** Exports of what a widget shows: its data table as CSV, its picture as SVG or PNG. */

const formulaStart = /^[=+\-@\t\r]/;

/** One CSV field: quoted when needed; a leading formula character is defused for spreadsheets. */
export function csvField(text: string): string {
  const safe = formulaStart.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The figures of a rendered table (head, body and foot) as CSV with a BOM, so Excel reads Chinese. */
export function tableToCsv(table: HTMLTableElement): string {
  const lines = Array.from(table.rows, (row) =>
    Array.from(row.cells, (cell) => csvField(cell.textContent?.trim() ?? '')).join(','),
  );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const paintProperties = [
  'fill',
  'stroke',
  'stroke-width',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
] as const;

/** The size a picture is drawn at: its box on screen, or its own width/height when not on screen. */
export function pictureSize(svg: SVGSVGElement): { width: number; height: number } {
  if (svg.isConnected) {
    const box = svg.getBoundingClientRect();
    return { width: Math.round(box.width), height: Math.round(box.height) };
  }
  return {
    width: Number(svg.getAttribute('width')) || 640,
    height: Number(svg.getAttribute('height')) || 360,
  };
}

/** The colour a picture is seen on: the nearest painted background around it on screen. */
function groundOf(svg: SVGSVGElement): string | undefined {
  const host = (node: Element): Element | null =>
    node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
  for (let element: Element | null = svg; element; element = host(element)) {
    const colour = getComputedStyle(element).backgroundColor;
    if (colour && colour !== 'transparent' && colour !== 'rgba(0, 0, 0, 0)') return colour;
  }
  return undefined;
}

/**
 * A standalone SVG document of a chart; for one on screen, its computed colours are written
 * in, over the background it is seen on (so a dark picture stays legible on a white slide).
 */
export function svgToString(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const { width, height } = pictureSize(svg);
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  if (!svg.isConnected) return new XMLSerializer().serializeToString(copy);
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  originals.forEach((original, index) => {
    const target = copies[index];
    if (!target) return;
    const computed = getComputedStyle(original);
    for (const property of paintProperties) {
      const value = computed.getPropertyValue(property);
      if (value) target.setAttribute(property, value);
    }
  });
  const ground = groundOf(svg);
  if (ground) {
    const backdrop = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
    for (const [name, value] of [
      ['class', 'backdrop'],
      ['width', '100%'],
      ['height', '100%'],
      ['fill', ground],
    ]) {
      backdrop.setAttribute(name!, value!);
    }
    copy.prepend(backdrop);
  }
  return new XMLSerializer().serializeToString(copy);
}

/** Renders SVG text to a PNG at `scale` × its size. */
export async function svgToPng(
  svgText: string,
  width: number,
  height: number,
  scale = 2,
): Promise<Blob> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw a picture of the chart.');
  context.scale(scale, scale);
  context.drawImage(image, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('PNG export failed.'))),
      'image/png',
    ),
  );
}

/** Offers a file to the user; nothing is uploaded anywhere. */
export function download(fileName: string, content: Blob | string, type = 'text/plain'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const svgNs = 'http://www.w3.org/2000/svg';

/** One SVG element for an exported picture; text goes in as text, never as markup. */
export function svgNode<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Readonly<Record<string, string | number>>,
  text?: string,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}
