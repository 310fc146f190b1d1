import { type NotesLookup, notesLookup } from '@stratex/core';
import type { Engine } from '@stratex/data';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { pageEngineLater } from './engine-link';
import { emit, SX_DATA_ERROR, type SxDataErrorDetail } from './events';
import { resolveLang } from './lang';
import { notesSourceName, type NotesState, readNotesSource } from './notes-source';

/** A widget with a `notes` attribute: the name of an `sx-data-source` or the URL of a CSV. */
export interface NotesHost extends ReactiveControllerHost, HTMLElement {
  notes: string | undefined;
}

/** The notes about a row, tile or alert, latest first. */
export type NotesAbout = NotesLookup;

const noNotes = notesLookup([]);

/**
 * A widget's dated notes: the source its `notes` attribute names, read whenever the attribute
 * changes and again whenever that source reloads (a refresh). A notes source that cannot be
 * read is said with `sx-data-error` and a note; the widget's own figures are not held up by it.
 */
export class NotesController implements ReactiveController {
  readonly #host: NotesHost;
  #state: NotesState | undefined;
  #lookup: NotesLookup = noNotes;
  #reference: string | undefined;
  #loads = 0;
  #complete: Promise<void> = Promise.resolve();
  #following: AbortController | undefined;

  constructor(host: NotesHost) {
    this.#host = host;
    host.addController(this);
  }

  /** The notes as they stand; undefined when the widget names no notes source. */
  get state(): NotesState | undefined {
    return this.#state;
  }

  /** Resolves once the notes last asked for have been read (or failed). */
  get complete(): Promise<void> {
    return this.#complete;
  }

  /** The notes about a subject, when the widget names a notes source; undefined when it names none. */
  get about(): NotesAbout | undefined {
    if (this.#reference === undefined) return undefined;
    return this.#lookup;
  }

  hostUpdate(): void {
    const reference = this.#host.notes || undefined;
    if (reference === this.#reference) return;
    this.#reference = reference;
    this.#complete = this.#load(reference);
  }

  async #load(reference: string | undefined): Promise<void> {
    const loadNumber = ++this.#loads;
    this.#following?.abort();
    this.#following = undefined;
    if (reference === undefined) {
      this.#show(undefined);
      return;
    }
    this.#show({ phase: 'loading' });
    const engine = await pageEngineLater();
    const source = await notesSourceName(engine, reference, this.#host);
    if (loadNumber !== this.#loads) return;
    await this.#read(engine, source, reference, loadNumber);
    if (loadNumber !== this.#loads) return;
    const following = new AbortController();
    this.#following = following;
    const reread = (): void => {
      this.#complete = this.#read(engine, source, reference, loadNumber);
    };
    engine.source(source)?.addEventListener('load', reread, { signal: following.signal });
  }

  async #read(
    engine: Engine,
    source: string,
    reference: string,
    loadNumber: number,
  ): Promise<void> {
    const state = await readNotesSource(engine, source, resolveLang(this.#host));
    if (loadNumber !== this.#loads) return;
    this.#show(state);
    if (state.phase === 'error') {
      const { message, detail } = state;
      emit<SxDataErrorDetail>(this.#host, SX_DATA_ERROR, {
        source: reference,
        message,
        ...(detail ? { detail } : {}),
      });
    }
    await this.#host.updateComplete;
  }

  #show(state: NotesState | undefined): void {
    this.#state = state;
    this.#lookup = state?.phase === 'ready' ? notesLookup(state.book.notes) : noNotes;
    this.#host.requestUpdate();
  }
}
