import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const template = fileURLToPath(new URL('../../../fixtures/template/', import.meta.url));

/** A file of the template fixtures, as bytes. */
export const fixture = (name: string): Buffer => readFileSync(join(template, name));

/** A file to drop on the workbench, its bytes in base64 so that it crosses into the page. */
export interface DroppedFile {
  name: string;
  base64: string;
}

export const droppedFile = (name: string, bytes: Buffer): DroppedFile => ({
  name,
  base64: bytes.toString('base64'),
});

/**
 * Runs in the page: drops the files on the workbench's drop zone, as a person dragging them
 * from the desktop. Self-contained, since each browser driver sends it to the page as text.
 */
export function dropOnZone(given: DroppedFile[]): void {
  const data = new DataTransfer();
  for (const { name, base64 } of given) {
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    data.items.add(new File([bytes], name, { type: 'text/csv' }));
  }
  const zone = document.querySelector('.drop-zone');
  if (!zone) throw new Error('no drop zone');
  for (const type of ['dragenter', 'dragover', 'drop']) {
    zone.dispatchEvent(
      new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }),
    );
  }
}

/** The scorecard preview of the template's evaluation (the GBK export): 108 %, 80 %, 93 %. */
export const evaluationPreview = [
  ['销售额', '500万', '540万', '108%', '达标'],
  ['线索转化率', '15%', '12%', '80%', '未达标'],
  ['新客户数', '30', '28', '93%', '有风险'],
];

/** East China in the treemap preview of the region targets: 168万 of 150万 is 112 %. */
export const eastChinaPreview = ['150万', '168万', '112%'];
