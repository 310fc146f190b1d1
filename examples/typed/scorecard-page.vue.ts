// Vue 3 with the installed `stratex` package: the props Vue's tooling reads from
// `GlobalComponents` for `<sx-scorecard :data.prop="rows" @sx-select="onSelect">`.
import type { GlobalComponents } from 'vue';
import type {} from 'stratex/vue';
import type { SxSelectDetail } from 'stratex';

type PropsOf<Tag extends keyof GlobalComponents> = InstanceType<GlobalComponents[Tag]>['$props'];

export const chosen: string[] = [];
const onSelect = (event: CustomEvent<SxSelectDetail>): void => {
  chosen.push(Object.values(event.detail.selection ?? {}).join(', '));
};

export const scorecard: PropsOf<'sx-scorecard'> = {
  source: 'evaluation',
  lang: 'zh-CN',
  data: [{ dimension: 'revenue', target: 5_000_000, actual: 5_400_000 }],
  onSxSelect: onSelect,
};
export const tracker: PropsOf<'sx-progress-tracker'> = { source: 'tasks', asOf: '2024-06-18' };
export const source: PropsOf<'sx-data-source'> = {
  name: 'evaluation',
  src: '/data/evaluation.csv',
  onSxDataLoad: (event) => chosen.push(`${event.detail.rowCount} ${event.detail.refreshed}`),
};

// @ts-expect-error sx-select's detail has no `value`
export const wrongDetail: PropsOf<'sx-scorecard'> = { onSxSelect: (event) => event.detail.value };
// @ts-expect-error a format the source does not read
export const wrongFormat: PropsOf<'sx-data-source'> = { format: 'json' };
