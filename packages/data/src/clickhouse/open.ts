import type { RemoteDatabase } from '../query/coordinator';
import type { ClickHouseOptions } from './connector';

/**
 * A ClickHouse server as a database behind a page's source: its connector and its dialect,
 * loaded in a chunk of their own the first time a page names one.
 */
export async function openClickHouse(options: ClickHouseOptions): Promise<RemoteDatabase> {
  const { ClickHouseConnector } = await import('./connector');
  const { clickhouseDialect } = await import('./dialect');
  return { connector: new ClickHouseConnector(options), dialect: clickhouseDialect };
}
