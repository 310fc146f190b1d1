// values and dates: reading cells, calendar days, numbers and dates in words
export * from './values/values';
export * from './values/cells';
export * from './values/dates';
export * from './values/date-labels';
export * from './values/format';
// records: column roles and row helpers
export * from './records/roles';
export * from './records/records';
// targets: achievement, pacing, status rules, target trees, SMART checks
export * from './targets/achievement';
export * from './targets/pacing';
export * from './targets/status';
export * from './targets/pace-status';
export * from './targets/china-calendar';
export * from './targets/calendar-file';
export * from './targets/seasonal';
export * from './targets/pacing-notes';
export * from './targets/rollup';
export * from './targets/target-map';
export * from './targets/smart';
// what-if: moving targets between tiles or from a reserve, to the fen, with undo
export * from './targets/what-if';
export * from './targets/what-if-history';
export * from './targets/what-if-replay';
export * from './targets/what-if-link';
export * from './targets/what-if-tree';
export * from './targets/target-overrides';
// progress: the task list against its plan
export * from './progress/progress-lag';
export * from './progress/progress-review';
// KPIs: daily series, their pace, and the monitoring view's alerts
export * from './kpis/kpi-series';
export * from './kpis/kpi-pacing';
export * from './kpis/kpi-to-date';
export * from './kpis/variance-alerts';
// evaluation: the scorecard
export * from './evaluation/scorecard';
// notes: dated reasons beside the figures
export * from './notes/dated-notes';
// budget: allocation and its alerts
export * from './budget/budget';
export * from './budget/budget-alerts';
export * from './budget/budget-what-if';
// messages: every sentence and label shown to people, by code, in zh-CN and en
export * from './messages/catalogue';
