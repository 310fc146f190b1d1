import { type PacingCurve, pacingCurve, readPacing } from '@stratex/core';

/** The `pacing` attribute, the same on every widget that judges a figure of a period. */
export const pacingProperty = { pacing: { type: String, reflect: true } } as const;

/** The values the `pacing` attribute takes. */
export type PacingAttribute = 'linear' | 'workdays';

/** The curve a widget's `pacing` attribute names: `linear` (calendar days, the default) or `workdays` (China's calendar). */
export function curveOf(widget: { pacing: string | undefined }): PacingCurve {
  return pacingCurve(readPacing(widget.pacing));
}
