/**
 * Small files in the shapes a differential run of real exports against DuckDB's `read_csv`
 * found rows lost or misread in, without a word. Each says what a load must give, and what
 * native DuckDB gives on the same bytes when it differs, with who is right.
 */
export interface HonestCase {
  file: string;
  tests: string;
  text: string;
  expected: {
    rows: number;
    columns: string[];
    headerRow: number | null;
    delimiter?: string;
    aboveHeader?: number;
    repeatedHeader?: number;
    rejectedRows?: number;
    /** Words a note must hold. */
    note?: string;
    /** The first row's values, as the text table holds them. */
    firstRow?: (string | null)[];
  };
  /** Native DuckDB's row count on the same bytes, when it is right; else why it is not. */
  duckdb: { rows: number } | { wrong: string };
}

const lines = (...rows: string[]): string => `${rows.join('\r\n')}\r\n`;

export const HONEST_CASES: HonestCase[] = [
  {
    file: 'headerless-people.csv',
    tests: 'no header row: a name, a count and a date on every line, the first one too',
    text: lines('Alice,30,2024-01-05', 'Bob,25,2024-02-11', 'Carol,41,2024-03-20'),
    expected: {
      rows: 3,
      columns: ['column_1', 'column_2', 'column_3'],
      headerRow: null,
      note: 'no header row',
      firstRow: ['Alice', '30', '2024-01-05'],
    },
    duckdb: { rows: 3 },
  },
  {
    file: 'header-copies-as-data.csv',
    tests:
      'a log with no header whose first line recurs: the copies are rows, not repeated headers',
    text: lines('INFO,started', 'INFO,started', 'WARN,disk low', 'INFO,started', 'INFO,stopped'),
    expected: {
      rows: 4,
      columns: ['INFO', 'started'],
      headerRow: 1,
      repeatedHeader: 0,
      note: 'kept as data',
    },
    duckdb: { rows: 4 },
  },
  {
    file: 'report-pages.csv',
    tests:
      'a report whose header repeats at the top of each page: the copies are left out, counted',
    text: lines(
      '区域,目标值',
      '华东,150万元',
      '华北,110万元',
      '区域,目标值',
      '华南,100万元',
      '华中,80万元',
      '区域,目标值',
      '西南,60万元',
      '西北,50万元',
    ),
    expected: {
      rows: 6,
      columns: ['区域', '目标值'],
      headerRow: 1,
      repeatedHeader: 2,
      note: 'lines 4, 7',
    },
    duckdb: {
      wrong:
        'it keeps the page headers as rows: "区域" among the regions, "目标值" among the amounts',
    },
  },
  {
    file: 'quoted-tabs.tsv',
    tests: 'every value quoted, tab-separated, a comma inside each quoted place name',
    text: lines(
      '"Name"\t"Place, country"',
      '"Ann"\t"Paris, FR"',
      '"Bob"\t"Lyon, FR"',
      '"Chen"\t"Xi\'an, CN"',
    ),
    expected: {
      rows: 3,
      columns: ['Name', 'Place, country'],
      headerRow: 1,
      delimiter: '\t',
      firstRow: ['Ann', 'Paris, FR'],
    },
    duckdb: { rows: 3 },
  },
  {
    file: 'key-value-titles.csv',
    tests: 'four key,value title lines above the real header of three columns',
    text: lines(
      'Report,Sales targets',
      'Region,All',
      'Period,2024 Q3',
      'Currency,CNY',
      '区域,目标值,实际值',
      '华东,150万元,168万元',
      '华北,110万元,115万元',
      '华南,100万元,90万元',
    ),
    expected: {
      rows: 3,
      columns: ['区域', '目标值', '实际值'],
      headerRow: 5,
      aboveHeader: 4,
      note: 'passed over as titles',
      firstRow: ['华东', '150万元', '168万元'],
    },
    duckdb: { rows: 3 },
  },
  {
    file: 'stray-opening-quote.csv',
    tests:
      'a value that starts with a stray quote ("6寸屏幕) and an inch mark (5" 屏幕) two lines down',
    text: lines('区域,备注', '华东,"6寸屏幕', '华北,正常', '华南,5" 屏幕', '华中,正常'),
    expected: {
      rows: 4,
      columns: ['区域', '备注'],
      headerRow: 1,
      note: 'read as text',
      firstRow: ['华东', '"6寸屏幕'],
    },
    duckdb: { rows: 4 },
  },
];

/** One line of 2 MB and nothing else: a header with no rows, which a note must say. */
export const ONE_LONG_LINE = 'a'.repeat(2_097_162);
