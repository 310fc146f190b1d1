import { formatDate, formatRate, type KpiSeriesReport, type Lang } from '@stratex/core';
import { html, nothing, type TemplateResult } from 'lit';
import { message } from '../base/lang';
import type { PacingNoteFacts } from '../base/pacing';

/** The panel's title, with the as-of day and the share of the period elapsed when they are known. */
export function alertsHeading(report: KpiSeriesReport, lang: Lang): TemplateResult {
  const t = (key: Parameters<typeof message>[1]): string => message(lang, key);
  return html`<header role="none">
    <h2>${t('alertsTitle')}</h2>
    ${
      report.asOf && report.elapsed
        ? html`<span class="as-of"
            >${t('asOf')} ${formatDate(report.asOf, lang)} · ${t('alertsElapsed')}
            ${formatRate(report.elapsed.share, lang)}</span
          >`
        : nothing
    }
  </header>`;
}

/** The state of an `as-of` that is not a date: nothing can be paced to it. */
export function invalidAsOfState(asOf: string, lang: Lang): TemplateResult {
  return html`<div class="state" data-state="error" role="alert">
    <strong>${message(lang, 'errorTitle')}</strong>
    <span>${message(lang, 'invalidAsOf')}${message(lang, 'colon')}${asOf}</span>
  </div>`;
}

/** The dates the alerts pace by, as given (both optional: the series' own days serve). */
export function alertPeriodFacts(
  dates: { periodStart: string | undefined; periodEnd: string | undefined },
  report: KpiSeriesReport,
): PacingNoteFacts {
  return {
    given: [
      { attribute: 'period-start', value: dates.periodStart, needed: false },
      { attribute: 'period-end', value: dates.periodEnd, needed: false },
    ],
    period: report.period,
    asOf: report.asOf,
  };
}
