import { type PacingCurve, pacingCurve, readPacing } from '@stratex/core';

/** The curve a widget's `pacing` attribute names: `linear` (calendar days, the default) or `workdays` (China's calendar). */
export function curveOf(widget: { pacing: string | undefined }): PacingCurve {
  return pacingCurve(readPacing(widget.pacing));
}
