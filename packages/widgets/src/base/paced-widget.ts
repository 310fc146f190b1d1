import { PACING_PROPERTIES } from './pacing';
import { PacingSourcesController } from './pacing-sources';
import { SxWidget } from './sx-widget';

/**
 * A widget that compares figures with what a period's target asks by a day: its `pacing`,
 * and the page's own `calendar` and daily `weights` read beside its rows.
 */
export abstract class PacedWidget extends SxWidget {
  static override properties = { ...SxWidget.properties, ...PACING_PROPERTIES };

  declare pacing: 'linear' | 'workdays' | 'seasonal' | undefined;
  declare calendar: string | undefined;
  declare weights: string | undefined;

  /** The page's calendar and daily weights that pacing follows. */
  protected readonly pacingSources = new PacingSourcesController(this, {
    engine: () => this.engineReady(),
    lang: () => this.langCode,
  });

  /** Resolves once the files named by `calendar` and `weights` have been read (or failed). */
  get pacingComplete(): Promise<void> {
    return this.pacingSources.complete;
  }
}
