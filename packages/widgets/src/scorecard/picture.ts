import {
  formatRate,
  type Lang,
  type Scorecard,
  type ScorecardRow,
  type Status,
} from '@stratex/core';
import { bulletScaleMax } from './bullet';
import { svgNode as node } from '../base/export';

const statusColour: Record<Status, string> = {
  'on-track': '#00785a',
  'at-risk': '#a86200',
  'off-track': '#c0262d',
  unknown: '#5b6474',
};

export interface PictureLabels {
  title: string;
  overall: string;
  status: (row: ScorecardRow) => string;
}

/** A self-contained SVG of the scorecard (for SVG/PNG export): one line per dimension. */
export function scorecardPicture(
  scorecard: Scorecard,
  lang: Lang,
  labels: PictureLabels,
): SVGSVGElement {
  const width = 640;
  const rowHeight = 36;
  const top = 56;
  const height = top + scorecard.rows.length * rowHeight + 16;
  const svg = node('svg', {
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    'font-family': 'sans-serif',
  });
  svg.append(node('rect', { width, height, fill: '#ffffff' }));
  svg.append(
    node(
      'text',
      { x: 16, y: 28, 'font-size': 18, 'font-weight': 600, fill: '#1d2433' },
      labels.title,
    ),
  );
  svg.append(
    node(
      'text',
      { x: width - 16, y: 28, 'font-size': 14, 'text-anchor': 'end', fill: '#1d2433' },
      `${labels.overall} ${formatRate(scorecard.overall, lang)}`,
    ),
  );
  const barX = 260;
  const barWidth = 240;
  scorecard.rows.forEach((row, index) => {
    const y = top + index * rowHeight;
    const rate = row.achievement.rate;
    const max = bulletScaleMax(rate);
    const colour = statusColour[row.status];
    svg.append(node('text', { x: 16, y: y + 18, 'font-size': 14, fill: '#1d2433' }, row.dimension));
    svg.append(
      node(
        'text',
        { x: barX - 12, y: y + 18, 'font-size': 14, 'text-anchor': 'end', fill: '#1d2433' },
        formatRate(rate, lang),
      ),
    );
    svg.append(node('rect', { x: barX, y: y + 8, width: barWidth, height: 12, fill: '#d9dee7' }));
    svg.append(
      node('rect', {
        x: barX,
        y: y + 8,
        width: ((Math.max(0, rate ?? 0) / max) * barWidth).toFixed(1),
        height: 12,
        fill: colour,
      }),
    );
    const targetX = (barX + barWidth / max).toFixed(1);
    svg.append(
      node('line', {
        x1: targetX,
        x2: targetX,
        y1: y + 4,
        y2: y + 24,
        stroke: '#1d2433',
        'stroke-width': 2,
      }),
    );
    svg.append(
      node(
        'text',
        { x: width - 16, y: y + 18, 'font-size': 13, 'text-anchor': 'end', fill: colour },
        labels.status(row),
      ),
    );
  });
  return svg;
}
