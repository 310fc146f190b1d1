import { type Lang, messageText } from '@stratex/core';
import type { DrillDays, Engine, LoadedTable, Measure } from '@stratex/data';
import { html, type TemplateResult } from 'lit';
import type { DrillOpening } from './drill-opening';
import { SxDrillPanel } from './drill-panel';
import { SX_DRILL_THROUGH, type SxDrillThroughDetail } from './events';
import { AGGREGATE_FROM_ROWS } from './row-cells';

/** What a widget knows of a figure it is asked to drill through. */
export interface DrillFigure {
  engine: Pick<Engine, 'coordinator'>;
  source: string | undefined;
  table: LoadedTable | undefined;
  /** The figure's own dimension values (with the drill path above it). */
  values: Readonly<Record<string, string>>;
  label: string;
  /** Other widgets' choices on the same source. */
  chosen: Readonly<Record<string, string>> | null;
  measures: readonly Measure[];
  /** The days the figure counts (an alert's, up to its as-of date); every day when absent. */
  days?: DrillDays | undefined;
  lang: Lang;
  fileStem: string;
}

/**
 * Fires the cancelable `sx-drill-through` from `host`, then, unless the page took it over,
 * opens the panel of the rows behind the figure. Resolves true when the panel opened.
 */
export async function openDrillThrough(host: HTMLElement, figure: DrillFigure): Promise<boolean> {
  const { source, table } = figure;
  if (!source || !table) return false;
  const chosen = Object.entries(figure.chosen ?? {}).filter(([column]) =>
    table.columns.includes(column),
  );
  const filters = { ...Object.fromEntries(chosen), ...figure.values };
  const days = figure.days && table.columns.includes(figure.days.column) ? figure.days : undefined;
  const detail: SxDrillThroughDetail = {
    source,
    filters,
    metric: figure.measures.map((measure) => measure.column),
    figure: { label: figure.label, values: figure.values },
    ...(days ? { days } : {}),
  };
  const event = new CustomEvent<SxDrillThroughDetail>(SX_DRILL_THROUGH, {
    detail,
    bubbles: true,
    composed: true,
    cancelable: true,
  });
  if (!host.dispatchEvent(event)) return false;
  const opening: DrillOpening = {
    engine: figure.engine,
    source,
    filters,
    measures: figure.measures,
    ...(days ? { days } : {}),
    figure: { label: figure.label, values: figure.values },
    lang: figure.lang,
    fileStem: figure.fileStem,
  };
  if (!customElements.get('sx-drill-panel')) customElements.define('sx-drill-panel', SxDrillPanel);
  const panel = document.createElement('sx-drill-panel');
  panel.opening = opening;
  panel.opener = focusedElement();
  document.body.append(panel);
  await panel.show();
  return true;
}

/** The element that has focus, looking into shadow roots. */
function focusedElement(): HTMLElement | SVGElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement || active instanceof SVGElement ? active : null;
}

/** What the drill-through control needs of its widget. */
interface DrillControlHost {
  drillThrough(figure: Readonly<Record<string, string>>, label?: string): Promise<boolean>;
}

/** A figure's words: its own values, `华东 / 数据平台`; none for every row. */
export function figureLabel(values: Readonly<Record<string, string>>, lang: Lang): string {
  return Object.values(values).join(' / ') || messageText(lang, 'drillEverything');
}

/**
 * The control that opens the rows behind a widget's current figure (click, or Enter or Space
 * on it): `查看华东的明细` / `Source rows behind 华东`, its name, drawn by the shared styles.
 */
export function drillControl(
  host: DrillControlHost,
  values: Readonly<Record<string, string>>,
  lang: Lang,
): TemplateResult {
  const figure = figureLabel(values, lang);
  const open = (): void => void host.drillThrough(values, figure);
  const label = messageText(lang, 'drillOpenFor', { figure });
  return html`<button
    part="drill-through"
    class="drill-through"
    type="button"
    aria-label=${label}
    data-label=${label}
    @click=${open}
  ></button>`;
}

/**
 * Sums of the given columns (those the table has), asked as the widgets ask for their figures:
 * a large source's sums by the engine to six decimals, a small one's whole.
 */
export function summedColumns(
  table: LoadedTable | undefined,
  columns: readonly (string | undefined)[],
): Measure[] {
  const large = (table?.rowCount ?? 0) > AGGREGATE_FROM_ROWS;
  return columns
    .filter((column): column is string => column !== undefined && !!table?.columns.includes(column))
    .map((column) => ({ column, aggregate: 'sum', ...(large ? { digits: 6 } : {}) }));
}
