import { attribute, walkXml } from './xml';

/** A sheet as `xl/workbook.xml` lists it, with the part that holds its cells. */
export interface SheetEntry {
  name: string;
  /** The part's path inside the archive (`xl/worksheets/sheet1.xml`); undefined for a chart sheet. */
  part: string | undefined;
  hidden: boolean;
}

export interface WorkbookParts {
  sheets: SheetEntry[];
  /** True when the workbook counts its dates from 1904 (old Mac Excel). */
  date1904: boolean;
  sharedStrings: string | undefined;
  styles: string | undefined;
}

const WORKSHEET = /\/worksheet$/;

/** The package's main part (`xl/workbook.xml` as a rule), named in `_rels/.rels`. */
export function officeDocumentPart(rootRels: string | undefined): string {
  let found: string | undefined;
  if (rootRels) {
    walkXml(rootRels, {
      open(name, attributes) {
        if (name !== 'Relationship') return;
        if (/\/officeDocument$/.test(attribute(attributes, 'Type') ?? '')) {
          found ??= resolvePart('', attribute(attributes, 'Target') ?? '');
        }
      },
    });
  }
  return found ?? 'xl/workbook.xml';
}

/** The sheets, date system and helper parts of a workbook, from its XML and its relationships. */
export function readWorkbookParts(
  workbookPath: string,
  workbook: string,
  rels: string | undefined,
): WorkbookParts {
  const folder = workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1);
  const targets = new Map<string, { type: string; part: string }>();
  if (rels) {
    walkXml(rels, {
      open(name, attributes) {
        if (name !== 'Relationship') return;
        const id = attribute(attributes, 'Id') ?? '';
        const type = attribute(attributes, 'Type') ?? '';
        targets.set(id, { type, part: resolvePart(folder, attribute(attributes, 'Target') ?? '') });
      },
    });
  }
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  walkXml(workbook, {
    open(name, attributes) {
      if (name === 'workbookPr') {
        const flag = attribute(attributes, 'date1904');
        date1904 = flag === '1' || flag === 'true';
      } else if (name === 'sheet') {
        const target = targets.get(attribute(attributes, 'id') ?? '');
        const state = attribute(attributes, 'state');
        sheets.push({
          name: attribute(attributes, 'name') ?? '',
          part: target && WORKSHEET.test(target.type) ? target.part : undefined,
          hidden: state === 'hidden' || state === 'veryHidden',
        });
      }
    },
  });
  const partOf = (type: RegExp): string | undefined =>
    [...targets.values()].find((target) => type.test(target.type))?.part;
  return {
    sheets,
    date1904,
    sharedStrings: partOf(/\/sharedStrings$/),
    styles: partOf(/\/styles$/),
  };
}

/** A relationship's target as a path inside the archive: absolute (`/xl/…`) or relative to `folder`. */
function resolvePart(folder: string, target: string): string {
  const joined = target.startsWith('/') ? target.slice(1) : `${folder}${target}`;
  const parts: string[] = [];
  for (const piece of joined.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}
