import type { Lang } from '@stratex/core';

const messages = {
  en: {
    loading: 'Loading data…',
    startingEngine: 'Starting the query engine…',
    empty: 'No rows to show.',
    errorTitle: 'The data could not be shown',
    noSourceGiven: 'This widget has no data: set source, src, query or .data.',
    dimension: 'Dimension',
    target: 'Target',
    actual: 'Actual',
    achievement: 'Achievement',
    status: 'Status',
    variance: 'Variance analysis',
    suggestion: 'Suggestion',
    overall: 'Overall score',
    'on-track': 'On track',
    'at-risk': 'At risk',
    'off-track': 'Off track',
    unknown: 'No rate',
    unreadable: 'cells could not be read',
    missingColumns: 'Missing columns',
    scorecard: 'Evaluation scorecard',
    colon: ': ',
    export: 'Export',
  },
  'zh-CN': {
    loading: '正在加载数据…',
    startingEngine: '正在启动查询引擎…',
    empty: '没有可显示的数据。',
    errorTitle: '数据无法显示',
    noSourceGiven: '此组件没有数据：请设置 source、src、query 或 .data。',
    dimension: '评估维度',
    target: '目标值',
    actual: '实际值',
    achievement: '达成率',
    status: '状态',
    variance: '差异分析',
    suggestion: '改进建议',
    overall: '综合得分',
    'on-track': '达标',
    'at-risk': '有风险',
    'off-track': '未达标',
    unknown: '无法计算',
    unreadable: '个单元格无法读取',
    missingColumns: '缺少列',
    scorecard: '效果评估表',
    colon: '：',
    export: '导出',
  },
} as const satisfies Record<Lang, Record<string, string>>;

export type MessageKey = keyof (typeof messages)['en'];

export function message(lang: Lang, key: MessageKey): string {
  return messages[lang][key];
}

/** The widget's language: its own `lang`, else the nearest ancestor's, else the page's. */
export function resolveLang(element: Element): Lang {
  const declared = element.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang;
  return declared.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
