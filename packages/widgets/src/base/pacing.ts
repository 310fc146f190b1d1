import {
  type GivenDate,
  type Lang,
  type PacingCurve,
  pacingCurve,
  type Period,
  periodNotes,
  readPacing,
} from '@stratex/core';
import { html, nothing, type TemplateResult } from 'lit';
import type { PacingSourcesController } from './pacing-sources';

/** The attributes every widget paces by: `pacing`, and the page's `calendar` and `weights`. */
export const PACING_PROPERTIES = {
  pacing: { type: String, reflect: true },
  calendar: { type: String },
  weights: { type: String },
} as const;

/** A widget's pacing attributes, as written. */
export interface PacedWidget {
  pacing: string | undefined;
}

/**
 * The curve a widget's `pacing` attribute names: `linear` (calendar days, the default),
 * `workdays` (China's calendar, with the page's `calendar` laid over it) or `seasonal` (the
 * page's `weights`; linear without them).
 */
export function curveOf(widget: PacedWidget, sources?: PacingSourcesController): PacingCurve {
  const weights = sources?.weights;
  return pacingCurve(readPacing(widget.pacing, weights !== undefined), {
    calendar: sources?.calendar,
    weights,
  });
}

/** What a widget says of its pacing: the period's dates and state, and the calendar and weights files. */
export interface PacingNoteFacts {
  given: readonly GivenDate[];
  period: Period | null;
  asOf: string | null;
}

/**
 * Lines saying how the widget's period is paced (`facts`: none for a widget whose rows hold their
 * own periods), when there is something to say; nothing otherwise.
 */
export function pacingNotes(
  widget: PacedWidget,
  sources: PacingSourcesController,
  facts: PacingNoteFacts | undefined,
  lang: Lang,
): TemplateResult | typeof nothing {
  const paced = {
    ...(facts ?? { given: [], period: null, asOf: null }),
    pacing: widget.pacing,
    curve: curveOf(widget, sources),
    weightsNamed: sources.weightsNamed,
  };
  const notes = [...periodNotes(paced, lang), ...sources.notes(lang)];
  if (notes.length === 0) return nothing;
  return html`<div part="pacing-notes" class="pacing-notes">
    ${notes.map((note) => html`<p class="note" role="note">${note}</p>`)}
  </div>`;
}
