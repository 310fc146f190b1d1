import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackgroundBuilds, type Pause } from '../../../src/query/background-builds';
import { PreAggregates } from '../../../src/query/pre-aggregates';
import type { AggregatePlan } from '../../../src/query/render';
import { openDatabase, sorted, type TestDatabase } from './database';

// 240 orders over three regions, two channels and four quarters: each pair of them is a
// pre-aggregate of at most twelve rows, small beside the orders.
const FACTS = `CREATE TABLE facts AS SELECT
  ['华东', '华北', '华南'][1 + i % 3] AS region,
  ['直销', '渠道'][1 + i % 2] AS channel,
  'Q' || (1 + i % 4) AS quarter,
  (i % 7)::INT AS units
FROM range(240) AS t(i)`;
const ROWS = 240;

// A database of its own for each test: the pre-aggregates one test builds never meet the next.
let db: TestDatabase;
beforeEach(async () => {
  db = await openDatabase(FACTS);
});
afterEach(() => db.close());

const grouped = (groupBy: string[], filter: Record<string, string> = {}): AggregatePlan => ({
  table: 'facts',
  groupBy,
  measures: [{ column: 'units', aggregate: 'sum', name: 'units' }],
  filter,
});

/** Pre-aggregates of `facts` with three widgets' groupings declared. */
function declared(): PreAggregates {
  const cubes = new PreAggregates(db.dialect, (query) => db.run(query), ROWS);
  for (const level of ['region', 'channel', 'quarter']) cubes.declare(grouped([level]));
  return cubes;
}

async function cubeTables(): Promise<string[]> {
  const rows = await db.records(
    "SELECT table_name AS name FROM duckdb_tables() WHERE table_name LIKE 'sx_cube_%'",
  );
  return rows.map((row) => String(row.name));
}

describe('background builds', () => {
  it('take one step at a time until none is left, then say they are prepared', async () => {
    const cubes = declared();
    let running = 0;
    let most = 0;
    let steps = 0;
    const builds = new BackgroundBuilds(() => {
      const step = cubes.next();
      if (!step) return undefined;
      steps++;
      most = Math.max(most, ++running);
      return step.finally(() => running--);
    });
    await builds.prepared();
    expect(most).toBe(1);
    // Each widget's grouping filtered by another's first level: three pairs.
    expect(steps).toBe(3);
    expect(await cubeTables()).toHaveLength(3);
    // The first cross-filter is now one query over a built pre-aggregate, with the raw figures.
    db.sent.length = 0;
    const answer = await cubes.answer(grouped(['region'], { quarter: 'Q2' }), false);
    expect(db.sent).toHaveLength(1);
    expect(db.sent[0]).toMatch(/FROM "sx_cube_\d+"/);
    const raw = await db.records(
      "SELECT region, SUM(units)::DOUBLE AS units FROM facts WHERE quarter = 'Q2' GROUP BY region",
    );
    expect(sorted(answer ?? [])).toEqual(sorted(raw));
  });

  it('start no step while a request asked in the same turn is being answered', async () => {
    const cubes = declared();
    let answering = true;
    const seen: boolean[] = [];
    const builds = new BackgroundBuilds(() => {
      seen.push(answering);
      return cubes.next();
    });
    const prepared = builds.prepared();
    const request = db.records('SELECT count(*) AS n FROM facts').then((rows) => {
      answering = false;
      return rows;
    });
    expect(await builds.foreground(request)).toEqual([{ n: ROWS }]);
    await prepared;
    expect(seen.length).toBeGreaterThan(1);
    expect(seen).not.toContain(true);
  });

  it('hold the next step while a request that came during a step is answered', async () => {
    const cubes = declared();
    let answering = false;
    let answered: Promise<unknown> | undefined;
    const seen: boolean[] = [];
    const builds = new BackgroundBuilds(() => {
      seen.push(answering);
      const step = cubes.next();
      if (step && !answered) {
        // A click while the first pre-aggregate is built: its query runs after the step.
        answering = true;
        const click = step
          .then(() => db.records('SELECT region, SUM(units) AS u FROM facts GROUP BY region'))
          .finally(() => (answering = false));
        answered = builds.foreground(click);
      }
      return step;
    });
    await builds.prepared();
    await answered;
    expect(seen.length).toBeGreaterThan(2);
    expect(seen).not.toContain(true);
  });

  it('hold a step under way between its slices while a request is answered, and then let it go on', async () => {
    const cubes = declared();
    const events: string[] = [];
    let pauseOf: Pause | undefined;
    let released!: () => void;
    const release = new Promise<void>((resolve) => (released = resolve));
    const builds = new BackgroundBuilds((pause) => {
      if (pauseOf) return cubes.next(pause);
      pauseOf = pause;
      // A step whose statement asks `pause` between slices, as a connection of its own does.
      return (async () => {
        events.push('step started');
        await release;
        const held = pause();
        events.push(held ? 'step held' : 'step not held');
        await held;
        events.push('step goes on');
        await cubes.next(pause);
      })();
    });
    const prepared = builds.prepared();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(pauseOf?.()).toBeUndefined();
    const answered = builds.foreground(
      db
        .records('SELECT count(*) AS n FROM facts')
        .then((rows) => events.push(`answered ${String(rows[0]?.n)}`)),
    );
    released();
    await answered;
    await prepared;
    expect(events).toEqual(['step started', 'step held', `answered ${ROWS}`, 'step goes on']);
    // With no request being answered, nothing holds a step.
    expect(pauseOf?.()).toBeUndefined();
    expect(await cubeTables()).toHaveLength(3);
  });

  it('go on after a step that failed', async () => {
    const cubes = declared();
    let failed = false;
    const builds = new BackgroundBuilds(() => {
      if (!failed) {
        failed = true;
        return db.run({ sql: 'SELECT * FROM no_such_table', params: [] }).then(() => undefined);
      }
      return cubes.next();
    });
    await builds.prepared();
    expect(failed).toBe(true);
    expect(await cubeTables()).toHaveLength(3);
  });
});
