import { afterAll, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { allowForeignOrigins, denyForeignOrigins } from '../setup/no-egress';
import { ClickHouseConnector, ClickHouseError, clickhouseDialect } from '../../../src/clickhouse';
import { renderAggregate } from '../../../src/query/render';

// The cluster runs on 127.0.0.1, the test page on another origin: every answer below crossed
// origins, so it also shows the reader's profile sends the CORS header and no preflight is needed.
const shards = await commands.clickhouseCluster('start');
// The page author names the cluster's address (and, below, one where nothing answers).
await allowForeignOrigins(...shards, 'http://127.0.0.1:9/');
afterAll(denyForeignOrigins);
const TABLE = 'sx_browser_facts';

describe.skipIf(shards.length === 0)('ClickHouse connector in the page', () => {
  afterAll(() => commands.clickhouseCluster('stop'));

  const reader = new ClickHouseConnector({ url: shards[0] ?? '', user: 'stratex_reader' });
  // The treemap's request for a region breakdown, as the coordinator renders it for ClickHouse.
  const byRegion = renderAggregate(clickhouseDialect, {
    table: TABLE,
    groupBy: ['region'],
    measures: ['target_share', 'amount'].map((column) => ({
      column,
      aggregate: 'sum' as const,
      name: column,
      digits: 6,
    })),
    filter: {},
  });
  const figures = async (): Promise<{ region: string; target: number; actual: number }[]> => {
    const answer = await reader.query(byRegion.sql, byRegion.params);
    return answer.toArray().map((row: { toJSON(): Record<string, unknown> }) => {
      const { region, target_share, amount } = row.toJSON();
      return { region: String(region), target: Number(target_share), actual: Number(amount) };
    });
  };

  it('fetches a region breakdown across origins, equal to the facts’ exact sums', async () => {
    expect(location.origin).not.toBe(new URL(shards[0] ?? '').origin);
    const expected = await commands.clickhouseFacts(200_000, TABLE);
    const byName = (a: { region: string }, b: { region: string }): number =>
      a.region < b.region ? -1 : a.region > b.region ? 1 : 0;
    const got = await figures();
    expect(got.length).toBeGreaterThan(1);
    expect(got.sort(byName)).toEqual(expected.sort(byName));
    expect(reader.traffic.bytes).toBeLessThan(4096);
  });

  it('says a shard is down while it is, and answers again once it is back', async () => {
    const before = await figures();
    await commands.clickhouseCluster('stop-shard-2');
    try {
      const error = await figures().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ClickHouseError);
      expect((error as ClickHouseError).code).toBe('clickhouse-shard-down');
      expect((error as ClickHouseError).messageIn('zh-CN')).toContain('分片');
    } finally {
      await commands.clickhouseCluster('start-shard-2');
    }
    expect(await figures()).toEqual(before);
  });

  it('says so when no server answers at the address', async () => {
    const nowhere = new ClickHouseConnector({ url: 'http://127.0.0.1:9/', user: 'stratex_reader' });
    const error = await nowhere.query('SELECT 1').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'clickhouse-unreachable' });
    expect((error as ClickHouseError).messageIn('en')).toContain('could not be reached');
  });
});

if (shards.length === 0) {
  describe('ClickHouse connector in the page', () => {
    it.skip('skipped: clickhouse-server is not installed (apt-get install clickhouse-server)', () => {});
  });
}
