import type { EncodingChoice } from '../decode';
import type { LoadedTable } from '../loaded-table';
import type { RemoteDatabase } from '../query/coordinator';
import { LiveSource, type SourceLoader, type SourceSpec } from '../refresh/live-source';
import { resolveFormat } from '../refresh/source-format';
import type { SourceRegistry } from '../sources';

/** When a source's load will want the database, seen before its bytes are all read. */
export interface DatabaseForecast {
  /** Files larger than this are read by the database (a smaller CSV may be read in JS). */
  readonly jsBytes: number;
  /** Starts the database, without waiting for it. */
  readonly start: () => void;
}

/**
 * The engine's named sources: each defined once in the page's registry, loaded (and kept
 * live) through the engine, or answered by a database of its own.
 */
export class LiveSources {
  /** Sources whose rows live in a database of their own, by their load. */
  readonly #remotes = new WeakMap<LoadedTable, RemoteDatabase>();

  constructor(
    readonly registry: SourceRegistry,
    private readonly loader: SourceLoader,
    private readonly forecast?: DatabaseForecast,
  ) {}

  /** Defines (or redefines) the source `name`; see `Engine.defineSource`. */
  define(name: string, spec: SourceSpec): LiveSource {
    const previous = this.registry.live(name);
    previous?.stop();
    const source = new LiveSource(this.loader, name, spec);
    // Whoever waits for the replaced source's load gets this one's.
    previous?.replaceWith(source);
    // The registry holds the first load (`ready`); a later one (a refresh, a reload, a first
    // load tried again after it failed) takes its place.
    let first = true;
    source.addEventListener('error', () => (first = false));
    source.addEventListener('load', () => {
      const later = !first;
      first = false;
      if (later && this.registry.live(name) === source && source.loaded) {
        this.registry.define(name, Promise.resolve(source.loaded), source);
      }
    });
    this.registry.define(name, source.ready, source);
    this.#foresee(source, spec);
    return source;
  }

  /**
   * Starts the database as soon as a file is seen to need it: a Parquet or Arrow file by its
   * name or format, any other once its download is larger than the JS reading takes. A small
   * CSV starts nothing; its widgets are answered in JS.
   */
  #foresee(source: LiveSource, spec: SourceSpec): void {
    const forecast = this.forecast;
    const file = spec.url ?? spec.label;
    if (!forecast || file === undefined) return;
    const format = resolveFormat(spec.format ?? 'auto', file.replace(/[?#].*$/, ''));
    if (format === 'parquet' || format === 'arrow') {
      forecast.start();
      return;
    }
    const watch = (): void => {
      const progress = source.progress;
      if (!progress) return;
      if (Math.max(progress.bytesRead, progress.totalBytes ?? 0) <= forecast.jsBytes) return;
      source.removeEventListener('progress', watch);
      forecast.start();
    };
    source.addEventListener('progress', watch);
  }

  /** The one live source for a file URL and encoding, shared by every widget naming it. */
  file(url: string, encoding: EncodingChoice): LiveSource {
    const key = `src:${encoding}:${url}`;
    return this.registry.live(key) ?? this.define(key, { url, encoding });
  }

  /** Makes `table` of a database of its own the source `name`; see `Engine.defineRemoteSource`. */
  defineRemote(
    name: string,
    table: string,
    open: () => Promise<RemoteDatabase>,
  ): Promise<LoadedTable> {
    this.registry.live(name)?.stop();
    const load = (async (): Promise<LoadedTable> => {
      // Only pages with a database of their own pay for reading one: the code comes on first use.
      const [database, { describeRemoteTable }] = await Promise.all([
        open(),
        import('./remote-table'),
      ]);
      const loaded = await describeRemoteTable(table, database);
      this.#remotes.set(loaded, database);
      return loaded;
    })();
    return this.registry.define(name, load);
  }

  remoteOf(loaded: LoadedTable): RemoteDatabase | undefined {
    return this.#remotes.get(loaded);
  }

  /** Names of the live sources, which hand-written SQL may read. */
  names(): string[] {
    return this.registry.lives().map((source) => source.name);
  }

  /** Loads every live source again, into a rebuilt database; one that fails stays failed. */
  async reloadInto(loader: SourceLoader): Promise<void> {
    for (const source of this.registry.lives())
      await source.reloadInto(loader).catch(() => undefined);
  }

  /** Stops every source's refreshing. */
  stop(): void {
    for (const source of this.registry.lives()) source.stop();
  }
}
