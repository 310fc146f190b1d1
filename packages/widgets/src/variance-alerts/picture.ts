import { type AlertSeverity, type Lang, alertStatusWord, type VarianceAlert } from '@stratex/core';
import { alertFigures, severityIcon } from './alert-item';
import { SPARKLINE_HEIGHT, SPARKLINE_WIDTH, sparklineGeometry } from './sparkline';
import { svgNode as node } from '../base/export';

const ink = '#1d2433';
const muted = '#5b6474';

const severityColour: Record<AlertSeverity, string> = {
  critical: '#c0262d',
  warning: '#a86200',
  unknown: muted,
  'on-track': '#00785a',
};

/** A self-contained SVG of the alerts (for SVG/PNG export): severity, subject, reason, trend, figure. */
export function alertsPicture(
  alerts: readonly VarianceAlert[],
  lang: Lang,
  labels: { title: string; summary: string },
): SVGSVGElement {
  const width = 760;
  const rowHeight = 56;
  const top = 64;
  const height = top + alerts.length * rowHeight + 12;
  const svg = node('svg', { viewBox: `0 0 ${width} ${height}`, width, height });
  svg.setAttribute('font-family', 'sans-serif');
  svg.append(node('rect', { width, height, fill: '#ffffff' }));
  svg.append(
    node('text', { x: 16, y: 28, 'font-size': 18, 'font-weight': 600, fill: ink }, labels.title),
  );
  svg.append(node('text', { x: 16, y: 50, 'font-size': 13, fill: ink }, labels.summary));
  const trendX = 560;
  alerts.forEach((alert, index) => {
    const y = top + index * rowHeight;
    const colour = severityColour[alert.severity];
    const label = `${severityIcon[alert.severity]} ${alertStatusWord(alert, lang)}`;
    svg.append(node('rect', { x: 16, y: y + 4, width: 4, height: rowHeight - 8, fill: colour }));
    svg.append(
      node('text', { x: 28, y: y + 22, 'font-size': 13, 'font-weight': 600, fill: colour }, label),
    );
    svg.append(
      node(
        'text',
        { x: 120, y: y + 22, 'font-size': 14, 'font-weight': 600, fill: ink },
        alert.subject,
      ),
    );
    svg.append(node('text', { x: 120, y: y + 42, 'font-size': 12, fill: muted }, alert.reason));
    if (alert.kind === 'kpi' && alert.kpi.actualLine.length > 0) {
      const { actual, pace } = sparklineGeometry(alert.kpi);
      const scale = `translate(${trendX} ${y + 6}) scale(${110 / SPARKLINE_WIDTH} ${40 / SPARKLINE_HEIGHT})`;
      const group = node('g', { transform: scale, fill: 'none' });
      group.append(node('path', { d: pace, stroke: muted, 'stroke-dasharray': '4 3' }));
      group.append(node('path', { d: actual, stroke: '#2458c6', 'stroke-width': 2 }));
      svg.append(group);
    }
    const { headline } = alertFigures(alert, lang);
    svg.append(
      node(
        'text',
        {
          x: width - 16,
          y: y + 30,
          'font-size': 16,
          'font-weight': 600,
          'text-anchor': 'end',
          fill: ink,
        },
        headline,
      ),
    );
  });
  return svg;
}
