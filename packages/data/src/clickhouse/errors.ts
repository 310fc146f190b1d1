import { type Lang, messageText } from '@stratex/core';
import type { CodedFailure } from '../coded-failure';

/**
 * What went wrong on the way to a ClickHouse answer, as a code the page can act on. Each code
 * is a message of the catalogue (`@stratex/core`), with `{detail}` for the server's own text.
 */
export type ClickHouseErrorCode =
  | 'clickhouse-syntax'
  | 'clickhouse-unknown-name'
  | 'clickhouse-memory-limit'
  | 'clickhouse-timeout'
  | 'clickhouse-too-many-rows'
  | 'clickhouse-quota'
  | 'clickhouse-read-only'
  | 'clickhouse-auth'
  | 'clickhouse-denied'
  | 'clickhouse-shard-down'
  | 'clickhouse-unreachable'
  | 'clickhouse-bad-answer'
  | 'clickhouse-not-supported'
  | 'clickhouse-server';

/** The words for a code in one language, from the one message catalogue; `detail` is the server's own text. */
export function clickhouseMessage(code: ClickHouseErrorCode, lang: Lang, detail = ''): string {
  return messageText(lang, code, { detail });
}

const RETRYABLE: ReadonlySet<ClickHouseErrorCode> = new Set([
  'clickhouse-shard-down',
  'clickhouse-unreachable',
  'clickhouse-timeout',
  'clickhouse-quota',
]);

/** A failure with a code, the server's own error number when it sent one, and words in both languages. */
export class ClickHouseError extends Error implements CodedFailure {
  override readonly name = 'ClickHouseError';

  constructor(
    readonly code: ClickHouseErrorCode,
    readonly detail = '',
    readonly serverCode?: number,
    options?: ErrorOptions,
  ) {
    super(clickhouseMessage(code, 'en', detail), options);
  }

  /** The values for the blanks of its catalogue message. */
  get params(): { detail: string } {
    return { detail: this.detail };
  }

  /** True when asking again later may succeed: a shard or the server is down, slow or out of quota. */
  get retryable(): boolean {
    return RETRYABLE.has(this.code);
  }

  /** The message in the page's language. */
  messageIn(lang: Lang): string {
    return clickhouseMessage(this.code, lang, this.detail);
  }
}

/** ClickHouse's own error numbers (ErrorCodes.cpp, 18.16 and current) grouped by what the page should say. */
const SERVER_CODES: [ClickHouseErrorCode, readonly number[]][] = [
  ['clickhouse-syntax', [62]],
  ['clickhouse-unknown-name', [46, 47, 60, 81, 16]],
  ['clickhouse-memory-limit', [241]],
  // 160: too slow to finish within its time (the rate or estimate a profile sets).
  ['clickhouse-timeout', [159, 160, 209]],
  ['clickhouse-too-many-rows', [158, 396]],
  ['clickhouse-quota', [201]],
  ['clickhouse-read-only', [164]],
  ['clickhouse-auth', [192, 193, 195, 516]],
  // 291: a database outside the reader's `allow_databases` (18.16); 497: no grant (current).
  ['clickhouse-denied', [291, 497]],
  ['clickhouse-shard-down', [279, 210, 32, 394]],
];

/**
 * Reads `Code: 62, e.displayText() = DB::Exception: Syntax error: …` (18.16) or
 * `Code: 62. DB::Exception: Syntax error: … (SYNTAX_ERROR) (version 26.7.2.1)` (current) into a coded error.
 */
export function errorFromServerText(text: string, status?: number): ClickHouseError {
  const match =
    /Code:\s*(\d+),\s*e\.displayText\(\)\s*=\s*(?:DB::\w+:\s*)?([\s\S]*?)(?:,\s*e\.what\(\)\s*=\s*\S+\s*)?$/.exec(
      text.trim(),
    ) ??
    /Code:\s*(\d+)\.\s*(?:DB::\w+:\s*)?([\s\S]*?)(?:\s*\(version [^)]*\)\)?)?\s*$/.exec(
      text.trim(),
    );
  const serverCode = match ? Number(match[1]) : undefined;
  const detail = (match?.[2] ?? text).trim().replace(/\s+/g, ' ').slice(0, 300);
  const known = SERVER_CODES.find(([, numbers]) =>
    serverCode === undefined ? false : numbers.includes(serverCode),
  );
  if (known) return new ClickHouseError(known[0], detail, serverCode);
  if (status === 401 || status === 403) return new ClickHouseError('clickhouse-auth', detail);
  return new ClickHouseError('clickhouse-server', detail || `HTTP ${status ?? '?'}`, serverCode);
}
