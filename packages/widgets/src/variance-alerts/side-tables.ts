import type { CellRecord, Lang, RoleSchema } from '@stratex/core';
import type { Engine } from '@stratex/data';
import { failureText } from '../base/failure-text';
import { roleColumns } from '../base/row-cells';

/** A table read beside the KPI series: the progress table or the budget. */
export type SideTable =
  | { phase: 'loading' }
  | { phase: 'ready'; rows: CellRecord[] }
  | { phase: 'error'; message: string; detail?: string };

export interface SideTableRef {
  /** Name of an `sx-data-source` on the page. */
  source?: string | undefined;
  /** URL of a CSV export. */
  src?: string | undefined;
}

/** What names the table in messages and events: the source name or the file URL. */
export function sideTableOrigin(ref: SideTableRef): string {
  return ref.source ?? ref.src ?? '';
}

/**
 * Reads a side table through the page's sources: a named source, or the file source shared
 * with every other widget that loads the same URL (any format); as cells, of the columns
 * that play the `schema`'s roles.
 */
export async function readSideTable(
  engine: Engine,
  ref: SideTableRef,
  lang: Lang,
  schema: RoleSchema,
): Promise<SideTable> {
  try {
    let source: string;
    if (ref.source) {
      source = ref.source;
    } else if (ref.src) {
      source = engine.fileSource(new URL(ref.src, document.baseURI).href).name;
    } else {
      return { phase: 'ready', rows: [] };
    }
    const { columns: all } = await engine.sources.get(source);
    const columns = roleColumns(all, schema);
    const { rows } = await engine.coordinator.request({
      kind: 'rows',
      source,
      as: 'cells',
      ...(columns ? { columns } : {}),
    });
    return { phase: 'ready', rows: rows as CellRecord[] };
  } catch (cause) {
    return { phase: 'error', ...failureText(cause, lang) };
  }
}
