import { readFileSync } from 'node:fs';

/** A workbook (or a hostile file) of `fixtures/xlsx/`, as bytes. */
export function workbook(name: string): Uint8Array {
  return new Uint8Array(
    readFileSync(new URL(`../../../../../fixtures/xlsx/${name}`, import.meta.url)),
  );
}

/** A template table of `fixtures/template/`, as text. */
export function templateCsv(name: string): string {
  return readFileSync(new URL(`../../../../../fixtures/template/${name}`, import.meta.url), 'utf8');
}

export { TEMPLATE_WORKBOOKS } from '../../../../../fixtures/xlsx/make/libreoffice';
