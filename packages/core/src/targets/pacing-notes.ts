import { type MessageCode, messageText } from '../messages/catalogue';
import { formatDate } from '../values/format';
import { parseCell, type Lang } from '../values/values';
import type { BadPacingRow } from './calendar-file';
import { asksSeasonal } from './pace-status';
import { elapsedShare, type PacingCurve, type Period, workingDaysIn } from './pacing';
import { weightsCoverage } from './seasonal';

/** A page's calendar or weights file as a widget read it: its rows' problems, or why it could not be read. */
export type PacingFileRead =
  { bad: readonly BadPacingRow[]; missing: readonly string[] } | { failed: string };

const FILE_LABEL: Record<'calendar' | 'weights', MessageCode> = {
  calendar: 'pacingCalendarFile',
  weights: 'pacingWeightsFile',
};

/** How many bad rows a note lists by number before it stops. */
const LISTED_ROWS = 5;

/** What a reader should know of a page's calendar or weights file: rows left out, columns missing, or a failed read. */
export function pacingFileNotes(
  kind: 'calendar' | 'weights',
  name: string,
  read: PacingFileRead,
  lang: Lang,
): string[] {
  const file = messageText(lang, FILE_LABEL[kind], { file: name });
  if ('failed' in read)
    return [messageText(lang, 'pacingFileFailed', { file, reason: read.failed })];
  if (read.missing.length > 0) {
    const columns = read.missing.join(messageText(lang, 'listSeparator'));
    return [messageText(lang, 'pacingMissingColumns', { file, columns })];
  }
  if (read.bad.length === 0) return [];
  const listed = read.bad.slice(0, LISTED_ROWS).map((bad) => bad.row);
  const rows = `${listed.join(messageText(lang, 'listSeparator'))}${read.bad.length > LISTED_ROWS ? '…' : ''}`;
  return [messageText(lang, 'pacingBadRows', { file, count: read.bad.length, rows })];
}

/** A date attribute a widget paces by, as the page wrote it. */
export interface GivenDate {
  attribute: string;
  value: string | undefined;
  /** True when pacing cannot go on without it (and no default from the data stands in). */
  needed: boolean;
  /** True when a period such as 2024-Q3 is a fit value as well as a date. */
  period?: boolean;
}

export interface PacedPeriodFacts {
  given: readonly GivenDate[];
  /** The period and as-of day the widget paces by, once read (null when it could not). */
  period: Period | null;
  asOf: string | null;
  /** The `pacing` attribute as the page wrote it. */
  pacing: string | undefined;
  curve: PacingCurve;
  /** True when the page named a weights source (read or not). */
  weightsNamed: boolean;
}

/**
 * What a reader should know of how a widget's period is paced: dates that cannot be read or
 * are missing, a period not started or over, one with no working day, weights that do not
 * cover it. Empty when there is nothing to say.
 */
export function periodNotes(facts: PacedPeriodFacts, lang: Lang): string[] {
  const asked = facts.pacing?.trim();
  const unknown =
    asked && !['linear', 'workdays', 'seasonal'].includes(asked.toLowerCase())
      ? [messageText(lang, 'pacingUnknown', { value: asked })]
      : [];
  return [...unknown, ...dateNotes(facts, lang)];
}

function dateNotes(facts: PacedPeriodFacts, lang: Lang): string[] {
  const say = (code: MessageCode, params: Record<string, string | number> = {}): string =>
    messageText(lang, code, params);
  const unreadable = facts.given.find((date) => {
    if (date.value === undefined || date.value.trim() === '') return false;
    const kind = parseCell(date.value).kind;
    return kind !== 'date' && !(date.period && kind === 'period');
  });
  if (unreadable)
    return [
      say('pacingUnreadableDate', {
        attribute: unreadable.attribute,
        value: unreadable.value ?? '',
      }),
    ];
  const missing = facts.given.find((date) => date.needed && !date.value?.trim());
  if (missing) return [say('pacingMissingDate', { attribute: missing.attribute })];
  const { period, asOf } = facts;
  if (!period || !asOf) return [];
  const day = (iso: string): string => formatDate(iso, lang);
  if (period.end < period.start)
    return [say('pacingEndsBeforeStart', { start: day(period.start), end: day(period.end) })];
  const notes: string[] = [];
  const state = elapsedShare(period, asOf)?.state;
  if (state === 'not-started')
    notes.push(say('pacingNotStarted', { start: day(period.start), asOf: day(asOf) }));
  if (state === 'over') notes.push(say('pacingOver', { end: day(period.end), asOf: day(asOf) }));
  if (facts.curve.kind === 'working-days' && workingDaysIn(period, facts.curve) === 0)
    notes.push(say('pacingNoWorkday', { start: day(period.start), end: day(period.end) }));
  if (asksSeasonal(facts.pacing)) notes.push(...seasonalNotes(facts, period, say, day));
  return notes;
}

function seasonalNotes(
  facts: PacedPeriodFacts,
  period: Period,
  say: (code: MessageCode, params?: Record<string, string | number>) => string,
  day: (iso: string) => string,
): string[] {
  if (facts.curve.kind !== 'seasonal') return facts.weightsNamed ? [] : [say('pacingWeightsNone')];
  const coverage = weightsCoverage(period, facts.curve.weights);
  if (!coverage) return [];
  if (coverage.uncovered > 0) {
    const days = elapsedShare(period, period.end)?.daysTotal ?? 0;
    return [
      say('pacingWeightsUncovered', {
        days,
        covered: days - coverage.uncovered,
        first: day(coverage.firstUncovered ?? ''),
      }),
    ];
  }
  return coverage.total > 0 ? [] : [say('pacingWeightsZero')];
}
