import type { CellRecord } from '@stratex/core';
import type { DataRequest, DataResult, DimensionFilter, Engine } from '@stratex/data';
import type { Selection } from './selection';

/**
 * What a widget's answer holds of its source: the source columns every answer row keeps as the
 * source holds them (whole rows: the columns read; sums: the columns grouped by), and whether
 * it holds every row that matches its filter. Only a choice on a column the answer keeps, in
 * an answer that holds every matching row, can be applied to it in the page.
 */
export interface AnswerScope {
  carries: readonly string[];
  /** False when the answer may stop short of the matching rows (a limit). */
  complete: boolean;
}

/** What the coordinator answered a client, one result per request asked, in order. */
export interface ClientAnswer {
  results: readonly DataResult[];
  /** True when the engine could not combine the first ask and the client's `fallback` was asked. */
  fellBack: boolean;
}

/**
 * A widget as a client of the page's data, for one loaded source: what it asks for a given
 * engine filter, and the rows its view draws, made of the answer. The widget never works out
 * the filter: the base derives it from the page's selections (`engineFilter`) and asks again
 * only when it changes.
 */
export interface SourceClient<
  Asked extends DataRequest | readonly DataRequest[] = DataRequest | readonly DataRequest[],
> extends AnswerScope {
  request(filter: DimensionFilter): Asked;
  /** Asked instead when the engine cannot combine what `request` asks (cells that are not plain numbers). */
  fallback?(filter: DimensionFilter): DataRequest;
  shape(answer: ClientAnswer): CellRecord[];
  /**
   * For a client that reads whole rows: the same client reading `columns` too, so that a
   * choice on one of them is applied in the page.
   */
  widen?(columns: readonly string[]): SourceClient<Asked>;
}

/** `client`, telling `heard` of the rows it makes of each answer (widened, too). */
export function hearing<Asked extends DataRequest | readonly DataRequest[]>(
  client: SourceClient<Asked>,
  heard: (rows: CellRecord[]) => void,
): SourceClient<Asked> {
  const { widen } = client;
  return {
    ...client,
    shape: (answer) => {
      const rows = client.shape(answer);
      heard(rows);
      return rows;
    },
    ...(widen ? { widen: (columns: readonly string[]) => hearing(widen(columns), heard) } : {}),
  };
}

/**
 * The part of another widget's choice the engine must apply for a widget whose answer has
 * `scope`, over a source with `columns`: every chosen column the source has, but those the
 * answer keeps when it is complete (the page applies those itself, with no new query).
 * A column the source lacks filters nothing.
 */
export function engineFilter(
  columns: readonly string[],
  scope: AnswerScope,
  selection: Selection | null | undefined,
): DimensionFilter {
  if (!selection) return {};
  const local = localSelection(scope, selection);
  return Object.fromEntries(
    Object.entries(selection).filter(([column]) => columns.includes(column) && !(column in local)),
  );
}

/** The part of a choice the page applies to an answer with `scope`: the columns it provably keeps. */
export function localSelection(
  scope: AnswerScope,
  selection: Selection | null | undefined,
): Selection {
  if (!selection || !scope.complete) return {};
  return Object.fromEntries(
    Object.entries(selection).filter(([column]) => scope.carries.includes(column)),
  );
}

/** Two filters ask the same exactly when their keys are equal. */
export function filterKey(filter: DimensionFilter): string {
  return JSON.stringify(Object.entries(filter).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Asks the coordinator what `client` needs for `filter` (its fallback when the engine cannot combine it). */
export async function askFor(
  coordinator: Pick<Engine['coordinator'], 'request'>,
  client: SourceClient,
  filter: DimensionFilter,
): Promise<ClientAnswer & { asked: readonly DataRequest[] }> {
  const first = client.request(filter);
  const asked: readonly DataRequest[] = isList(first) ? first : [first];
  try {
    const results = await Promise.all(asked.map((request) => coordinator.request(request)));
    return { results, fellBack: false, asked };
  } catch (cause) {
    if (!client.fallback || (cause as { code?: unknown }).code !== 'unsupported') throw cause;
    const instead = client.fallback(filter);
    return { results: [await coordinator.request(instead)], fellBack: true, asked: [instead] };
  }
}

function isList(request: DataRequest | readonly DataRequest[]): request is readonly DataRequest[] {
  return Array.isArray(request);
}
