/** What went wrong on the way to a ClickHouse answer, as a code the page can act on. */
export type ClickHouseErrorCode =
  | 'clickhouse-syntax'
  | 'clickhouse-unknown-name'
  | 'clickhouse-memory-limit'
  | 'clickhouse-timeout'
  | 'clickhouse-too-many-rows'
  | 'clickhouse-quota'
  | 'clickhouse-read-only'
  | 'clickhouse-auth'
  | 'clickhouse-shard-down'
  | 'clickhouse-unreachable'
  | 'clickhouse-bad-answer'
  | 'clickhouse-not-supported'
  | 'clickhouse-server';

type Lang = 'zh-CN' | 'en';

/** One catalogue: each code's words in both languages; `{detail}` is the server's own text. */
const MESSAGES: Record<ClickHouseErrorCode, Record<Lang, string>> = {
  'clickhouse-syntax': {
    en: 'ClickHouse could not read the query (syntax): {detail}',
    'zh-CN': 'ClickHouse 无法解析该查询（语法错误）：{detail}',
  },
  'clickhouse-unknown-name': {
    en: 'ClickHouse does not know a table, column or function the query names: {detail}',
    'zh-CN': 'ClickHouse 找不到查询中的表、列或函数：{detail}',
  },
  'clickhouse-memory-limit': {
    en: 'The query needed more memory than ClickHouse allows this reader; narrow the selection or ask for fewer levels.',
    'zh-CN': '查询所需内存超过 ClickHouse 为该只读用户设定的上限；请缩小筛选范围或减少层级。',
  },
  'clickhouse-timeout': {
    en: 'ClickHouse did not answer in time; the query was stopped. Try again or narrow the selection.',
    'zh-CN': 'ClickHouse 未能按时返回结果，查询已停止。请重试或缩小筛选范围。',
  },
  'clickhouse-too-many-rows': {
    en: 'The answer has more rows than ClickHouse allows this reader; choose fewer levels.',
    'zh-CN': '结果行数超过 ClickHouse 为该只读用户设定的上限；请减少层级。',
  },
  'clickhouse-quota': {
    en: 'This page has used up its ClickHouse query quota for now; figures will return when the quota resets.',
    'zh-CN': '本页面的 ClickHouse 查询配额暂时已用完，配额恢复后将重新显示数据。',
  },
  'clickhouse-read-only': {
    en: 'The page reads ClickHouse as a read-only user, and the query tried to change something: {detail}',
    'zh-CN': '页面以只读用户访问 ClickHouse，而该查询试图修改数据或设置：{detail}',
  },
  'clickhouse-auth': {
    en: 'ClickHouse refused the page’s reader (user unknown, wrong password or address not allowed).',
    'zh-CN': 'ClickHouse 拒绝了页面的只读用户（用户不存在、密码错误或地址不被允许）。',
  },
  'clickhouse-shard-down': {
    en: 'A ClickHouse shard does not answer, so the figures would be incomplete; they return when it is back.',
    'zh-CN': 'ClickHouse 有分片无响应，数据将不完整，故暂不显示；分片恢复后将重新显示。',
  },
  'clickhouse-unreachable': {
    en: 'The ClickHouse server at {detail} could not be reached.',
    'zh-CN': '无法连接 ClickHouse 服务器 {detail}。',
  },
  'clickhouse-bad-answer': {
    en: 'ClickHouse sent an answer that could not be read: {detail}',
    'zh-CN': 'ClickHouse 返回的结果无法读取：{detail}',
  },
  'clickhouse-not-supported': {
    en: 'ClickHouse holds its own data; files cannot be added to it from the page.',
    'zh-CN': 'ClickHouse 中的数据由服务器管理，不能从页面添加文件。',
  },
  'clickhouse-server': {
    en: 'ClickHouse reported an error: {detail}',
    'zh-CN': 'ClickHouse 报告错误：{detail}',
  },
};

/** The words for a code in one language. */
export function clickhouseMessage(code: ClickHouseErrorCode, lang: Lang, detail = ''): string {
  return MESSAGES[code][lang].replace('{detail}', detail);
}

const RETRYABLE: ReadonlySet<ClickHouseErrorCode> = new Set([
  'clickhouse-shard-down',
  'clickhouse-unreachable',
  'clickhouse-timeout',
  'clickhouse-quota',
]);

/** A failure with a code, the server's own error number when it sent one, and words in both languages. */
export class ClickHouseError extends Error {
  override readonly name = 'ClickHouseError';

  constructor(
    readonly code: ClickHouseErrorCode,
    readonly detail = '',
    readonly serverCode?: number,
    options?: ErrorOptions,
  ) {
    super(clickhouseMessage(code, 'en', detail), options);
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

/** ClickHouse's own error numbers (ErrorCodes.cpp, 18.16) grouped by what the page should say. */
const SERVER_CODES: [ClickHouseErrorCode, readonly number[]][] = [
  ['clickhouse-syntax', [62]],
  ['clickhouse-unknown-name', [46, 47, 60, 81, 16]],
  ['clickhouse-memory-limit', [241]],
  ['clickhouse-timeout', [159, 209]],
  ['clickhouse-too-many-rows', [158, 396]],
  ['clickhouse-quota', [201]],
  ['clickhouse-read-only', [164]],
  ['clickhouse-auth', [192, 193, 195, 497]],
  ['clickhouse-shard-down', [279, 210, 32, 394]],
];

/** Reads `Code: 62, e.displayText() = DB::Exception: Syntax error: …` into a coded error. */
export function errorFromServerText(text: string, status?: number): ClickHouseError {
  const match =
    /Code:\s*(\d+),\s*e\.displayText\(\)\s*=\s*(?:DB::\w+:\s*)?([\s\S]*?)(?:,\s*e\.what\(\)\s*=\s*\S+\s*)?$/.exec(
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
