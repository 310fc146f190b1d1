export * from './values';
export * from './dates';
export * from './roles';
export * from './achievement';
export * from './status';
export * from './scorecard';
export * from './format';
