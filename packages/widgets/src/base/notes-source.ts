import { type CellRecord, type Lang, NOTES_SCHEMA, type NotesBook, readNotes } from '@stratex/core';
import type { Engine } from '@stratex/data';
import { declaredSources } from './data-controller';
import { failureText } from './failure-text';
import { roleColumns } from './row-cells';

/** A widget's notes source as it stands: loading, read, or failed to load. */
export type NotesState =
  | { phase: 'loading' }
  | { phase: 'ready'; book: NotesBook }
  | { phase: 'error'; message: string; detail?: string };

/** How many notes a notes table on a database server is read to. */
const NOTES_ROWS = 5_000;

/**
 * The page's source that a `notes` attribute names: an `sx-data-source` of that name (once
 * the page has been parsed), else the file source every widget loading that URL shares —
 * the same sources, loaders and refreshes as the widgets' `source` and `src`.
 */
export async function notesSourceName(
  engine: Engine,
  reference: string,
  host: Node,
): Promise<string> {
  if (engine.sources.has(reference)) return reference;
  if (document.readyState === 'loading') {
    await new Promise((resolve) =>
      document.addEventListener('DOMContentLoaded', resolve, { once: true }),
    );
  }
  if (engine.sources.has(reference) || declaredSources(host).includes(reference)) return reference;
  return engine.fileSource(new URL(reference, document.baseURI).href).name;
}

/** Reads the notes of a loaded source, as cells of the columns that play the notes' roles. */
export async function readNotesSource(
  engine: Engine,
  source: string,
  lang: Lang,
): Promise<NotesState> {
  try {
    const table = await engine.sources.get(source);
    const columns = roleColumns(table.columns, NOTES_SCHEMA);
    const { rows } = await engine.coordinator.request({
      kind: 'rows',
      source,
      as: 'cells',
      ...(columns ? { columns } : {}),
      ...(engine.remoteOf(table) ? { limit: NOTES_ROWS } : {}),
    });
    const book = readNotes(rows as CellRecord[], { headers: table.columns });
    return { phase: 'ready', book };
  } catch (cause) {
    return { phase: 'error', ...failureText(cause, lang) };
  }
}
