// The portal's live KPI export: a working copy of the committed daily KPI series that grows
// one day at a time, as a CRM export would while the page is open. It starts with the
// days up to the as-of date of the template (2024-08-15) and appends the series' own
// rows for the next day on every tick; after the quarter's last day it starts over.
// `liveFiles` keeps the Chinese export and its English twin at the same day.
// The committed fixture is only read. Every write replaces the file whole (write, then
// rename), so a reader never sees half a day.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const fixtureFile = fileURLToPath(
  new URL('../../fixtures/template/kpi_daily_2024q3.csv', import.meta.url),
);
/** The English twin of the series (ISO dates, English metric names). */
export const englishFixtureFile = fixtureFile.replace(/\.csv$/, '.en.csv');

/** The day the live file starts from: the template's as-of date. */
export const firstDay = '2024-08-15';

/** `2024/8/15` (the Chinese export's Excel short date) or `2024-08-15` as `2024-08-15`. */
export function isoDay(excelDate) {
  const [year, month, day] = excelDate.split(/[/-]/);
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/**
 * The series as days: the header line and, per day in file order, its lines
 * (one per metric), each with its CRLF, exactly as the fixture has them.
 */
export function readSeries(file = fixtureFile) {
  const [header, ...lines] = readFileSync(file, 'utf8').split('\r\n');
  const days = [];
  for (const line of lines) {
    if (line === '') continue;
    const date = isoDay(line.slice(0, line.indexOf(',')));
    const last = days.at(-1);
    if (last?.date === date) last.lines.push(line);
    else days.push({ date, lines: [line] });
  }
  return { header, days };
}

/**
 * A feed writing `target`: `reset()` writes the days up to `startDay`, `append()` adds
 * the next day (or starts over after the last one) and returns the day written.
 */
export function createLiveFeed(target, { source = fixtureFile, startDay = firstDay } = {}) {
  const { header, days } = readSeries(source);
  const start = days.findIndex((day) => day.date === startDay);
  if (start < 0) throw new Error(`${startDay} is not a day of ${source}`);
  let shown = start + 1;

  function write() {
    const lines = [header, ...days.slice(0, shown).flatMap((day) => day.lines)];
    const temporary = `${target}.next`;
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(temporary, `${lines.join('\r\n')}\r\n`);
    renameSync(temporary, target);
  }

  return {
    target,
    /** The last day in the file. */
    get lastDay() {
      return days[shown - 1].date;
    },
    reset() {
      shown = start + 1;
      write();
      return days[shown - 1];
    },
    append() {
      shown = shown < days.length ? shown + 1 : start + 1;
      write();
      return days[shown - 1];
    },
  };
}

/** Both live exports (Chinese and English) in `folder`, moved on together. */
export function liveFiles(folder) {
  const feeds = [
    createLiveFeed(`${folder}kpi_daily_live.csv`),
    createLiveFeed(`${folder}kpi_daily_live.en.csv`, { source: englishFixtureFile }),
  ];
  return {
    reset: () => feeds.map((feed) => feed.reset())[0],
    append: () => feeds.map((feed) => feed.append())[0],
    get lastDay() {
      return feeds[0].lastDay;
    },
  };
}
