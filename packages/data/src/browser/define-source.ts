import type { LiveSource, SourceSpec } from '../refresh/live-source';
import { pageEngine } from './page-engine';

/** Defines a named source on the page's engine from script, as `<sx-data-source>` does in HTML. */
export function defineSource(name: string, spec: SourceSpec): LiveSource {
  return pageEngine().defineSource(name, spec);
}
