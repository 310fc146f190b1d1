/** Registers every Stratex element. Importing this module has that one side effect. */
import './data-source/define';
import './scorecard/define';
import './progress-tracker/define';

export * from './index';
