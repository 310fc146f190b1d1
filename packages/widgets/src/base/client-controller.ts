import type { Engine, LoadedTable } from '@stratex/data';
import { askFor, type AnswerScope, engineFilter, filterKey, type SourceClient } from './client';
import type { Reading } from './data-controller';
import type { Selection } from './selection';

export interface ClientOptions {
  /** The widget's client for a loaded source. */
  client: (source: string, table: LoadedTable) => SourceClient | Promise<SourceClient>;
  engine: () => Engine;
  /** The loaded source the widget reads, if any. */
  table: () => LoadedTable | undefined;
  /** What another widget on the same source has chosen, if anything. */
  foreignSelection: () => Selection | null;
  /** The values of the properties whose change changes what the widget asks. */
  inputs: () => readonly unknown[];
}

/**
 * A widget as a client of its loaded source: reads it through the widget's client, with the
 * engine filter the page's selection calls for, and knows when the widget must ask again —
 * when that filter, or one of the widget's inputs, is no longer what it asked with.
 */
export class ClientController {
  readonly #options: ClientOptions;
  /** What the last read asked with: its answer's scope and its key. */
  #asked: { scope: AnswerScope; key: string } | undefined;

  constructor(options: ClientOptions) {
    this.#options = options;
  }

  /** The widget reads from somewhere else now: nothing it asked before tells what to ask. */
  forget(): void {
    this.#asked = undefined;
  }

  /** True when what the widget would ask now differs from what it last asked. */
  get asksAgain(): boolean {
    const asked = this.#asked;
    return asked !== undefined && this.#key(asked.scope) !== asked.key;
  }

  /** Reads a loaded source through the widget's client, with the filter the page's selection calls for. */
  async read(source: string, table: LoadedTable): Promise<Reading> {
    const chosen = this.#options.foreignSelection();
    let client = await this.#options.client(source, table);
    // Whole rows can bring a chosen column too, so that the choice is applied in the page.
    const more = Object.keys(chosen ?? {}).filter(
      (column) => table.columns.includes(column) && !client.carries.includes(column),
    );
    if (client.widen && more.length > 0) client = client.widen(more);
    const scope = { carries: client.carries, complete: client.complete };
    this.#asked = { scope, key: this.#key(scope) };
    const answer = await askFor(
      this.#options.engine().coordinator,
      client,
      engineFilter(table.columns, scope, chosen),
    );
    const [only] = answer.asked;
    const columns =
      answer.asked.length === 1 && only?.kind === 'rows' && only.as === 'cells'
        ? only.columns
        : undefined;
    return { rows: client.shape(answer), scope, columns };
  }

  /** What a read with `scope` asks for now: the engine's filter of the page's selection, and the widget's inputs. */
  #key(scope: AnswerScope): string {
    const table = this.#options.table();
    const filter = table
      ? engineFilter(table.columns, scope, this.#options.foreignSelection())
      : {};
    return JSON.stringify([filterKey(filter), this.#options.inputs()]);
  }
}
