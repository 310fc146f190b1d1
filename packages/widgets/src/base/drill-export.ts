import type { Lang } from '@stratex/core';
import type { DrillAnswer, DrillRequest, Engine } from '@stratex/data';
import { csvField } from './export';
import { positionLabel, rowTexts } from './drill-words';

/** Most rows an exported slice holds; a larger slice is cut there, and its file says so in its name. */
export const MOST_EXPORTED = 200_000;
const PAGE = 1_000;

/**
 * The slice behind a figure as CSV that Excel opens right (UTF-8 with a byte-order mark, CRLF):
 * the line (or row) number first, then each cell as the file has it, every page read in turn.
 */
export async function sliceCsv(
  engine: Pick<Engine, 'coordinator'>,
  request: DrillRequest,
  lang: Lang,
): Promise<{ text: string; rows: number; cut: boolean }> {
  let first: DrillAnswer | undefined;
  const lines: string[] = [];
  for (let offset = 0; offset < MOST_EXPORTED;) {
    const known = first && {
      count: first.count,
      totals: first.totals,
      unreadRows: first.unreadRows,
    };
    const page = await engine.coordinator.drillThrough({
      ...request,
      offset,
      limit: PAGE,
      ...(known ? { known } : {}),
    });
    first ??= page;
    for (const row of page.rows) {
      lines.push([String(row.position ?? ''), ...rowTexts(row, lang)].map(csvField).join(','));
    }
    offset += page.rows.length;
    if (page.rows.length === 0 || offset >= page.count || !page.pageable) break;
  }
  if (!first) return { text: '\uFEFF', rows: 0, cut: false };
  const header = [positionLabel(first, lang), ...first.columns].map(csvField).join(',');
  const text = `\uFEFF${[header, ...lines].join('\r\n')}\r\n`;
  return { text, rows: lines.length, cut: lines.length < first.count };
}
