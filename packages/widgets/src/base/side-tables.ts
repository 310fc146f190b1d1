import type { CellRecord, Lang, RoleSchema } from '@stratex/core';
import type { Engine } from '@stratex/data';
import { failureText } from './failure-text';
import { roleColumns, toCellRecords } from './row-cells';

/** A table read beside the KPI series: the progress table or the budget. */
export type SideTable =
  | { phase: 'loading' }
  | {
      phase: 'ready';
      rows: CellRecord[];
      /** The rows the table holds, when only the first `rows.length` were read (a server's table). */
      total?: number;
    }
  | { phase: 'error'; message: string; detail?: string };

export interface SideTableRef {
  /** Name of an `sx-data-source` on the page. */
  source?: string | undefined;
  /** URL of a CSV export. */
  src?: string | undefined;
}

/** How many rows of a task or budget table on a database server the alerts read. */
export const SIDE_ROWS = 1_000;

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
    // A source that failed to load fails again below, where the coordinator says why.
    const loaded = await engine.sources.get(source).catch(() => undefined);
    if (!loaded || !engine.remoteOf(loaded)) {
      const all = loaded?.columns;
      const columns = all ? roleColumns(all, schema) : undefined;
      const { rows } = await engine.coordinator.request({
        kind: 'rows',
        source,
        as: 'cells',
        ...(columns ? { columns } : {}),
      });
      return { phase: 'ready', rows: rows as CellRecord[] };
    }
    // On a server, a bounded read in the table's own column order; the note says if it was cut.
    const { rows } = await engine.coordinator.request({
      kind: 'rows',
      source,
      as: 'text',
      orderBy: loaded.columns.map((column) => ({ column })),
      limit: SIDE_ROWS,
    });
    const read = toCellRecords(rows);
    return loaded.rowCount > read.length
      ? { phase: 'ready', rows: read, total: loaded.rowCount }
      : { phase: 'ready', rows: read };
  } catch (cause) {
    return { phase: 'error', ...failureText(cause, lang) };
  }
}
