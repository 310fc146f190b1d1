/** Registers every Stratex element. Importing this module has that one side effect. */
import './data-source/define';
import './scorecard/define';
import './target-treemap/define';
import './progress-tracker/define';
import './variance-alerts/define';

export * from './index';
