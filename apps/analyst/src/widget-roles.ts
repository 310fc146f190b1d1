import {
  EVALUATION_SCHEMA,
  KPI_SCHEMA,
  PROGRESS_SCHEMA,
  resolveColumns,
  type RoleSchema,
  TARGET_SPLIT_SCHEMA,
  TARGETS_SCHEMA,
  type Lang,
} from '@stratex/core';

/** A column as the workbench shows it: its header, what it holds and its unit. */
export interface ColumnInfo {
  name: string;
  kind: 'number' | 'date' | 'period' | 'text';
  unit?: string;
  rejects?: number;
}

/** What a role is called on the element that takes it. */
interface RoleField {
  role: string;
  /** The element's attribute naming the column. */
  attribute: string;
  required: boolean;
}

export type ViewKind = 'scorecard' | 'treemap' | 'progress' | 'alerts' | 'targets';

export interface ViewDefinition {
  kind: ViewKind;
  /** The element that draws it; the targets table is checked, not drawn. */
  tag?: string;
  schema: RoleSchema;
  roles: readonly RoleField[];
  /** Takes level columns (the treemap). */
  levels?: boolean;
  /** Takes an `as-of` day. */
  asOf?: boolean;
}

const field = (role: string, attribute: string, required = false): RoleField => ({
  role,
  attribute,
  required,
});

/** The four widgets and the targets table, with the roles each maps to an attribute. */
export const VIEWS: readonly ViewDefinition[] = [
  {
    kind: 'scorecard',
    tag: 'sx-scorecard',
    schema: EVALUATION_SCHEMA,
    roles: [
      field('dimension', 'dimension-column', true),
      field('target', 'target-column', true),
      field('actual', 'actual-column', true),
      field('weight', 'weight-column'),
    ],
  },
  {
    kind: 'treemap',
    tag: 'sx-target-treemap',
    schema: TARGET_SPLIT_SCHEMA,
    roles: [field('target', 'target', true), field('actual', 'actual')],
    levels: true,
  },
  {
    kind: 'progress',
    tag: 'sx-progress-tracker',
    schema: PROGRESS_SCHEMA,
    roles: [
      field('task', 'task-column', true),
      field('owner', 'owner-column'),
      field('planned_start', 'start-column', true),
      field('planned_end', 'end-column', true),
      field('progress', 'progress-column', true),
    ],
    asOf: true,
  },
  {
    kind: 'alerts',
    tag: 'sx-variance-alerts',
    schema: KPI_SCHEMA,
    roles: [
      field('date', 'date-column', true),
      field('metric', 'metric-column', true),
      field('actual', 'actual-column', true),
      field('target', 'target-column'),
      field('unit', 'unit-column'),
    ],
    asOf: true,
  },
  {
    kind: 'targets',
    schema: TARGETS_SCHEMA,
    roles: [
      field('dimension', 'dimension', true),
      field('metric', 'metric', true),
      field('target', 'target', true),
      field('deadline', 'deadline'),
      field('owner', 'owner'),
    ],
  },
];

/** How one view reads a file: a column per role, levels, the as-of day, and whether it is shown. */
export interface ViewMapping {
  columns: Record<string, string | undefined>;
  guessed: string[];
  levels: string[];
  asOf: string;
  included: boolean;
}

export type FileMapping = Record<ViewKind, ViewMapping>;

const MAX_LEVELS = 3;

/** The core's guesses for every view, from the file's columns. */
export function guessMapping(columns: readonly ColumnInfo[]): FileMapping {
  const names = columns.map((column) => column.name);
  const mapping = {} as FileMapping;
  for (const view of VIEWS) {
    const resolution = resolveColumns(names, view.schema);
    const mapped: Record<string, string | undefined> = {};
    for (const role of view.roles) mapped[role.role] = resolution.columns[role.role];
    const levels = view.levels ? guessLevels(columns, mapped) : [];
    const entry: ViewMapping = {
      columns: mapped,
      guessed: resolution.guessed,
      levels,
      asOf: '',
      included: false,
    };
    entry.included = fitsWell(view, entry, columns);
    mapping[view.kind] = entry;
  }
  // A table with dates per task or per day is a tracker's or a monitor's: its rows are not
  // the scorecard's dimensions nor a target split, though the headers could pass for them.
  if (mapping.progress.included || mapping.alerts.included) {
    mapping.scorecard.included = false;
    mapping.treemap.included = false;
  }
  return mapping;
}

/** Text columns not taken by a figure, top first: a breakdown's likely levels. */
function guessLevels(
  columns: readonly ColumnInfo[],
  mapped: Record<string, string | undefined>,
): string[] {
  const taken = new Set(Object.values(mapped));
  return columns
    .filter((column) => column.kind === 'text' && !taken.has(column.name))
    .slice(0, MAX_LEVELS)
    .map((column) => column.name);
}

/**
 * Shown at first only when every required role was found by its name, and for the treemap
 * when there is a level and one unit of target to size tiles by.
 */
function fitsWell(
  view: ViewDefinition,
  entry: ViewMapping,
  columns: readonly ColumnInfo[],
): boolean {
  if (!isComplete(view, entry)) return false;
  const required = view.roles.filter((role) => role.required).map((role) => role.role);
  if (required.some((role) => entry.guessed.includes(role))) return false;
  if (!view.levels) return true;
  const target = columns.find((column) => column.name === entry.columns.target);
  return entry.levels.length > 0 && target?.kind === 'number' && target.unit !== 'mixed';
}

export function missingRoles(view: ViewDefinition, mapping: ViewMapping): string[] {
  const missing = view.roles
    .filter((role) => role.required && !mapping.columns[role.role])
    .map((role) => role.role);
  if (view.levels && mapping.levels.length === 0) missing.unshift('levels');
  return missing;
}

export function isComplete(view: ViewDefinition, mapping: ViewMapping): boolean {
  return missingRoles(view, mapping).length === 0;
}

/** The attributes that draw this view of `source`, in the order they are written. */
export function widgetAttributes(
  view: ViewDefinition,
  mapping: ViewMapping,
  source: string,
  lang: Lang,
): [string, string][] {
  const attributes: [string, string][] = [['source', source]];
  if (view.levels) attributes.push(['levels', mapping.levels.join(',')]);
  for (const role of view.roles) {
    const column = mapping.columns[role.role];
    if (column) attributes.push([role.attribute, column]);
  }
  if (view.asOf && mapping.asOf) attributes.push(['as-of', mapping.asOf]);
  attributes.push(['lang', lang]);
  return attributes;
}

/** The views of a file that are drawn, with their attributes. */
export function drawnWidgets(
  mapping: FileMapping,
  source: string,
  lang: Lang,
): { kind: ViewKind; tag: string; attributes: [string, string][] }[] {
  return VIEWS.flatMap((view) => {
    const entry = mapping[view.kind];
    if (!view.tag || !entry.included || !isComplete(view, entry)) return [];
    return [
      { kind: view.kind, tag: view.tag, attributes: widgetAttributes(view, entry, source, lang) },
    ];
  });
}

/** A source name people can type in SQL: the file's name without its extension. */
export function sourceNameFor(fileName: string, taken: ReadonlySet<string>): string {
  const stem = fileName.replace(/\.[^.]*$/, '');
  const base =
    stem
      .normalize('NFKC')
      .replace(/[^\p{L}\p{N}_]+/gu, '_')
      .replace(/^_+|_+$/g, '')
      .toLowerCase() || 'export';
  const start = /^\p{N}/u.test(base) ? `t_${base}` : base;
  let name = start;
  for (let n = 2; taken.has(name); n++) name = `${start}_${n}`;
  return name;
}
