export { SxDataSource } from './data-source/data-source';
export { SxScorecard } from './scorecard/scorecard';
export { SxProgressTracker } from './progress-tracker/progress-tracker';
export { SxWidget, type TextRecord } from './base/sx-widget';
export * from './base/events';
export {
  applySelection,
  pageSelection,
  SelectionBus,
  type Selection,
  type SelectionChange,
} from './base/selection';
