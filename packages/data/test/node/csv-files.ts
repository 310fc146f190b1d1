import { readdirSync, readFileSync } from 'node:fs';
import { HOSTILE_CASES } from '../../../../fixtures/hostile/corpus';

const filesDir = new URL('../../../../fixtures/hostile/files/', import.meta.url);
const templateDir = new URL('../../../../fixtures/template/', import.meta.url);

/** A CSV's name, its bytes and the encoding its page would name. */
export type CsvFile = [string, Uint8Array, ('utf-8' | 'gbk')?];

/** Every hostile corpus file (generated ones made) and every template table, as bytes. */
export function hostileAndTemplateCsvs(): CsvFile[] {
  const files: CsvFile[] = HOSTILE_CASES.map((entry) => [
    entry.file,
    entry.generated ? entry.bytes() : new Uint8Array(readFileSync(new URL(entry.file, filesDir))),
    entry.encoding,
  ]);
  for (const name of readdirSync(templateDir).filter((file) => file.endsWith('.csv'))) {
    files.push([name, new Uint8Array(readFileSync(new URL(name, templateDir)))]);
  }
  return files;
}
