import { html, nothing, svg, type TemplateResult } from 'lit';

/** The scale end of a bullet: a little past the larger of target (100 %) and the rate. */
export function bulletScaleMax(rate: number | null): number {
  return Math.max(1.2, (rate ?? 0) * 1.05);
}

/**
 * A bullet chart of an achievement rate: bar = actual share of target, tick = target, and
 * while the period runs a dashed tick at the share expected to date.
 */
export function bulletChart(
  rate: number | null,
  label: string,
  expectedShare?: number | null,
): TemplateResult {
  const max = bulletScaleMax(rate);
  const expectedAt =
    expectedShare === null || expectedShare === undefined ? null : (expectedShare / max) * 100;
  const barWidth = rate === null ? 0 : (Math.max(0, rate) / max) * 100;
  const targetAt = (1 / max) * 100;
  return html`<svg
    part="bullet"
    viewBox="0 0 100 10"
    preserveAspectRatio="none"
    role="img"
    aria-label=${label}
  >
    <rect class="track" x="0" y="2" width="100" height="6" rx="1"></rect>
    <rect class="bar" x="0" y="2" width=${barWidth.toFixed(2)} height="6" rx="1"></rect>
    <line class="marker" x1=${targetAt.toFixed(2)} x2=${targetAt.toFixed(2)} y1="0" y2="10"></line>
    ${
      expectedAt === null
        ? nothing
        : svg`<line class="expected" x1=${expectedAt.toFixed(2)} x2=${expectedAt.toFixed(2)} y1="0" y2="10"></line>`
    }
  </svg>`;
}
