import {
  type CalendarDay,
  CALENDAR_FILE_SCHEMA,
  DAILY_WEIGHTS_SCHEMA,
  type Lang,
  type PacingFileRead,
  pacingFileNotes,
  readCalendarFile,
  readDailyWeights,
} from '@stratex/core';
import type { Engine } from '@stratex/data';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { readSideTable, type SideTableRef } from './side-tables';
import { emit, SX_DATA_ERROR, type SxDataErrorDetail } from './events';

export type PacingFileKind = 'calendar' | 'weights';

/** A calendar or weights file as read: what pacing takes from it, and what the reader is told. */
interface PacingFile {
  name: string;
  read: PacingFileRead | 'loading';
  calendar?: readonly CalendarDay[];
  weights?: ReadonlyMap<string, number>;
}

/** What the controller needs from its widget. */
export interface PacingSourcesHost extends ReactiveControllerHost, HTMLElement {
  calendar: string | undefined;
  weights: string | undefined;
}

export interface PacingSourcesOptions {
  engine: () => Promise<Engine>;
  lang: () => Lang;
}

/**
 * Where a `calendar` or `weights` attribute points: an `sx-data-source` of that name when the
 * page has one (or the value is a bare name, which waits for one), else a file URL read as
 * the widgets read `src`.
 */
export function pacingFileRef(value: string, engine: Engine): SideTableRef {
  const named = engine.sources.has(value) || engine.sources.names().includes(value);
  const inPage = Array.from(document.querySelectorAll('sx-data-source[name]')).some(
    (element) => element.getAttribute('name') === value,
  );
  const bare = !/[/.:?#]/.test(value);
  return named || inPage || bare ? { source: value } : { src: value };
}

/**
 * The page's own calendar (`calendar`) and daily weights (`weights`) that a widget's pacing
 * follows: each read when its attribute changes, its bad rows counted for the reader, a file
 * that cannot be read said with `sx-data-error` and left out.
 */
export class PacingSourcesController implements ReactiveController {
  readonly #host: PacingSourcesHost;
  readonly #options: PacingSourcesOptions;
  #files: Partial<Record<PacingFileKind, PacingFile>> = {};
  #named: Partial<Record<PacingFileKind, string>> = {};
  #complete: Promise<void> = Promise.resolve();

  constructor(host: PacingSourcesHost, options: PacingSourcesOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Resolves once the files last named have been read (or failed). */
  get complete(): Promise<void> {
    return this.#complete;
  }

  /** The page's calendar days, once read. */
  get calendar(): readonly CalendarDay[] | undefined {
    return this.#files.calendar?.calendar;
  }

  /** The daily weights, once read (and holding at least one). */
  get weights(): ReadonlyMap<string, number> | undefined {
    const weights = this.#files.weights?.weights;
    return weights && weights.size > 0 ? weights : undefined;
  }

  /** True when the page names a weights source, read or not. */
  get weightsNamed(): boolean {
    return Boolean(this.#host.weights?.trim());
  }

  /** What the reader should know of the files: rows left out, columns missing, a failed read. */
  notes(lang: Lang): string[] {
    return (['calendar', 'weights'] as const).flatMap((kind) => {
      const file = this.#files[kind];
      return file && file.read !== 'loading'
        ? pacingFileNotes(kind, file.name, file.read, lang)
        : [];
    });
  }

  hostUpdate(): void {
    const named = { calendar: this.#host.calendar?.trim(), weights: this.#host.weights?.trim() };
    const changed = (['calendar', 'weights'] as const).filter(
      (kind) => named[kind] !== this.#named[kind],
    );
    this.#named = named;
    if (changed.length === 0) return;
    this.#complete = Promise.all(changed.map((kind) => this.#load(kind, named[kind]))).then(
      () => undefined,
    );
  }

  async #load(kind: PacingFileKind, name: string | undefined): Promise<void> {
    if (!name) {
      this.#show(kind, undefined);
      return;
    }
    this.#show(kind, { name, read: 'loading' });
    const engine = await this.#options.engine();
    const ref = pacingFileRef(name, engine);
    const schema = kind === 'calendar' ? CALENDAR_FILE_SCHEMA : DAILY_WEIGHTS_SCHEMA;
    const table = await readSideTable(engine, ref, this.#options.lang(), schema);
    // A newer name for this file has been given meanwhile.
    if (this.#named[kind] !== name) return;
    if (table.phase === 'error') {
      this.#show(kind, { name, read: { failed: table.message } });
      emit<SxDataErrorDetail>(this.#host, SX_DATA_ERROR, {
        source: name,
        message: table.message,
        ...(table.detail ? { detail: table.detail } : {}),
      });
    } else if (table.phase === 'ready' && kind === 'calendar') {
      const read = readCalendarFile(table.rows);
      this.#show(kind, { name, read, calendar: read.days });
    } else if (table.phase === 'ready') {
      const read = readDailyWeights(table.rows);
      this.#show(kind, { name, read, weights: read.weights });
    }
    await this.#host.updateComplete;
  }

  #show(kind: PacingFileKind, file: PacingFile | undefined): void {
    this.#files = { ...this.#files, [kind]: file };
    this.#host.requestUpdate();
  }
}
