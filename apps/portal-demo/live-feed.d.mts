export const fixtureFile: string;
export const englishFixtureFile: string;
export const firstDay: string;

export interface FeedDay {
  date: string;
  lines: string[];
}

export function isoDay(excelDate: string): string;
export function readSeries(file?: string): { header: string; days: FeedDay[] };

export interface LiveFeed {
  readonly target?: string;
  readonly lastDay: string;
  reset(): FeedDay;
  append(): FeedDay;
}

export function createLiveFeed(
  target: string,
  options?: { source?: string; startDay?: string },
): LiveFeed;
export function liveFiles(folder: string): LiveFeed;
