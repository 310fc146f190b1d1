import { describe, expect, it } from 'vitest';
import { isMessageCode, MESSAGES, messageText } from '@stratex/core';
import { isCodedFailure } from '../../../src/coded-failure';
import { ClickHouseError, type ClickHouseErrorCode } from '../../../src/clickhouse';
import { errorFromServerText } from '../../../src/clickhouse/errors';

/** Every code a ClickHouse failure can carry (the type's members). */
const CODES: ClickHouseErrorCode[] = [
  'clickhouse-syntax',
  'clickhouse-unknown-name',
  'clickhouse-memory-limit',
  'clickhouse-timeout',
  'clickhouse-too-many-rows',
  'clickhouse-quota',
  'clickhouse-read-only',
  'clickhouse-auth',
  'clickhouse-denied',
  'clickhouse-shard-down',
  'clickhouse-unreachable',
  'clickhouse-bad-answer',
  'clickhouse-not-supported',
  'clickhouse-server',
];

describe('ClickHouse failures speak from the one message catalogue', () => {
  it.each(CODES)('%s is a catalogue code with zh-CN and en words', (code) => {
    expect(isMessageCode(code)).toBe(true);
    const error = new ClickHouseError(code, "Missing columns: 'x'");
    expect(isCodedFailure(error)).toBe(true);
    expect(error.params).toEqual({ detail: "Missing columns: 'x'" });
    for (const lang of ['zh-CN', 'en'] as const)
      expect(error.messageIn(lang)).toBe(messageText(lang, code, { detail: error.detail }));
    expect(error.message).toBe(error.messageIn('en'));
    expect(error.messageIn('zh-CN')).not.toBe(error.messageIn('en'));
  });

  it('has no ClickHouse code outside the catalogue, and none there the errors do not use', () => {
    const inCatalogue = Object.keys(MESSAGES).filter((code) => code.startsWith('clickhouse-'));
    expect(inCatalogue.sort()).toEqual([...CODES].sort());
  });

  it.each([
    [
      'Code: 62, e.displayText() = DB::Exception: Syntax error: failed at position 1',
      'clickhouse-syntax',
      '语法错误',
    ],
    [
      "Code: 47, e.displayText() = DB::Exception: Missing columns: 'channel' while processing query",
      'clickhouse-unknown-name',
      '找不到查询中的表、列或函数',
    ],
    [
      'Code: 241, e.displayText() = DB::Exception: Memory limit (for query) exceeded: would use 9.54 MiB',
      'clickhouse-memory-limit',
      '内存超过',
    ],
    [
      'Code: 159, e.displayText() = DB::Exception: Timeout exceeded: elapsed 1.2 seconds, maximum: 1',
      'clickhouse-timeout',
      '未能按时返回结果',
    ],
    [
      'Code: 160, e.displayText() = DB::Exception: Estimated query execution time (41.5 seconds) is too long. Maximum: 30. Estimated rows to process: 10000000',
      'clickhouse-timeout',
      '未能按时返回结果',
    ],
  ])('reads the server’s words into their code: %s', (text, code, chinese) => {
    const error = errorFromServerText(text, 500);
    expect(error.code).toBe(code);
    expect(error.messageIn('zh-CN')).toContain(chinese);
    // A message with room for the server's words keeps them; the others say it plainly.
    const english = MESSAGES[code as ClickHouseErrorCode].en;
    if (english.includes('{detail}')) expect(error.messageIn('en')).toContain(error.detail);
    else expect(error.messageIn('en')).toBe(english);
  });
});

describe('a current release’s words and the reader kept to its own tables', () => {
  it.each([
    [
      "Code: 60. DB::Exception: Unknown table expression identifier 'no_such' in scope SELECT * FROM no_such. (UNKNOWN_TABLE) (version 26.7.2.1 (official build))",
      'clickhouse-unknown-name',
      60,
      "Unknown table expression identifier 'no_such' in scope SELECT * FROM no_such. (UNKNOWN_TABLE)",
    ],
    [
      'Code: 62. DB::Exception: Syntax error: failed at position 1 (SELEC): SELEC 1. Expected one of: Query. (SYNTAX_ERROR) (version 26.7.2.1 (official build))',
      'clickhouse-syntax',
      62,
      'Syntax error: failed at position 1 (SELEC): SELEC 1. Expected one of: Query. (SYNTAX_ERROR)',
    ],
    [
      "Code: 497. DB::Exception: stratex_reader: Not enough privileges. To execute this query, it's necessary to have the grant SELECT ON system.processes. (ACCESS_DENIED) (version 26.7.2.1 (official build))",
      'clickhouse-denied',
      497,
      "stratex_reader: Not enough privileges. To execute this query, it's necessary to have the grant SELECT ON system.processes. (ACCESS_DENIED)",
    ],
    [
      'Code: 291, e.displayText() = DB::Exception: Access denied to database private for user stratex_reader, e.what() = DB::Exception',
      'clickhouse-denied',
      291,
      'Access denied to database private for user stratex_reader',
    ],
  ])('reads %s', (text, code, serverCode, detail) => {
    const error = errorFromServerText(text, 500);
    expect(error.code).toBe(code);
    expect(error.serverCode).toBe(serverCode);
    expect(error.detail).toBe(detail);
  });

  it('says in both languages that the reader may read only the page’s own tables', () => {
    const error = new ClickHouseError('clickhouse-denied', 'Access denied to database private');
    expect(error.messageIn('en')).toContain('only its own tables');
    expect(error.messageIn('zh-CN')).toContain('只能读取属于它的表');
    expect(error.retryable).toBe(false);
  });
});
