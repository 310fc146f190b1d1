export { SxDataSource } from './data-source/data-source';
export { SxScorecard } from './scorecard/scorecard';
export { SxTargetTreemap } from './target-treemap/target-treemap';
export { SxProgressTracker } from './progress-tracker/progress-tracker';
export { SxVarianceAlerts } from './variance-alerts/variance-alerts';
export { SxWidget, type TextRecord } from './base/sx-widget';
export * from './base/events';
export {
  pageSelection,
  SelectionBus,
  type Selection,
  type SelectionChange,
} from './base/selection';
export {
  SX_ALERT,
  SX_ALERT_CLEARED,
  type AlertKind,
  type AlertLevel,
  type SxAlertClearedDetail,
  type SxAlertDetail,
} from './variance-alerts/alert-events';
