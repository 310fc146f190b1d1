// Plain DOM with the installed `stratex` package: the tag map and the `sx-` events.
import type { SxDataSource, SxTargetTreemapAttributes } from 'stratex';

const scorecard = document.querySelector('sx-scorecard');
scorecard?.addEventListener('sx-select', (event) => {
  const chosen: string = Object.values(event.detail.selection ?? {}).join(', ');
  document.title = `${event.detail.source}: ${chosen}`;
});
document.addEventListener('sx-data-error', (event) => console.warn(event.detail.message));

const alerts = document.querySelector('sx-variance-alerts');
alerts?.addEventListener('sx-alert', (event) => {
  const level: 'warning' | 'critical' = event.detail.level;
  console.info(event.detail.id, level, event.detail.path.join(' › '), event.detail.ratio ?? '—');
});
document.addEventListener('sx-alert-cleared', (event) => console.info(event.detail.id));

const source: SxDataSource = document.createElement('sx-data-source');
source.addEventListener('sx-data-load', (event) => console.info(event.detail.recovered));
source.format = 'parquet';
if (scorecard) scorecard.data = [{ dimension: 'revenue', target: 500, actual: 540 }];

export const treemap: SxTargetTreemapAttributes = { levels: '区域,产品线', 'as-of': '2024-06-18' };

// @ts-expect-error the widget's state is read, not set
if (scorecard) scorecard.state = 'ready';
