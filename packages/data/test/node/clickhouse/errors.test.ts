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
