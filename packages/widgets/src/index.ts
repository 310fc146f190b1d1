export { SxDataSource } from './data-source/data-source';
export { SxScorecard } from './scorecard/scorecard';
export { SxWidget, type TextRecord } from './base/sx-widget';
export * from './base/events';
