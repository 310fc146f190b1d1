// Long CSVs (more rows than the loader's planning head) for the tests that read them both in JS
// and in the engine. Each is made from its row number alone, so every run reads the same bytes.

const encoder = new TextEncoder();
const lines = (header: string, rows: number, row: (at: number) => string): Uint8Array =>
  encoder.encode(`${header}\n${Array.from({ length: rows }, (_, at) => row(at)).join('\n')}\n`);

/** The benchmark's progress table: `tasks` tasks over June 2024, progress as a percentage. */
export function benchTasksCsv(tasks = 10_000): Uint8Array {
  return lines(
    '任务名称,负责人,计划开始时间,计划结束时间,实际进度（%/完成状态）',
    tasks,
    (at) =>
      `任务 ${at + 1},负责人 ${at % 37},2024-06-01,2024-06-${String(2 + (at % 28)).padStart(2, '0')},${(at * 7) % 101}%`,
  );
}

/**
 * The template's progress table written as people write it: days as `2024/6/1` and
 * `2024年6月10日`, progress with its state in brackets, a few unknown or blank cells, risks
 * and their mitigation as free text, some blank.
 */
export function templateTasksCsv(tasks = 10_000): Uint8Array {
  const progress = (at: number): string => {
    if (at % 97 === 0) return '';
    if (at % 89 === 0) return '待定';
    const done = (at * 13) % 101;
    return at % 3 === 0 ? `${done}%（${done === 100 ? '已完成' : '进行中'}）` : `${done}%`;
  };
  return lines(
    '任务名称,负责人,计划开始时间,计划结束时间,实际进度（%/完成状态）,风险点,解决措施',
    tasks,
    (at) =>
      [
        `"华东客户拜访, 第${at + 1}批"`,
        at % 11 === 0 ? '**' : `负责人${at % 23}`,
        at % 2 === 0
          ? `2024/6/${1 + (at % 20)}`
          : `2024-06-${String(1 + (at % 20)).padStart(2, '0')}`,
        `2024年6月${11 + (at % 20)}日`,
        progress(at),
        at % 5 === 0 ? '暴雨天气' : '',
        at % 5 === 0 ? '"改为视频拜访，""线上""跟进"' : '',
      ].join(','),
  );
}

/** Sales facts: regions and product lines, targets in 万元, actuals with thousands commas. */
export function salesCsv(rows = 10_000): Uint8Array {
  const regions = ['华东', '华南', '华北', '西南'];
  const productLines = ['工业', '商业', '家用'];
  return lines('区域,产品线,目标值,实际值', rows, (at) => {
    const target = 10 + (at % 40) / 4;
    const actual = (at * 7919) % 200_000;
    return `${regions[at % 4]},${productLines[at % 3]},${target}万元,"${actual.toLocaleString('en')}.${String(at % 100).padStart(2, '0')}"`;
  });
}

/**
 * 3,000 rows whose amounts are a fifth text in the first 2,500 and all text after them: which
 * kind the amount column is planned as hangs on the rows the planning draws at random.
 */
export function drawDecidedCsv(): Uint8Array {
  return lines('区域,金额', 3_000, (at) => {
    const text = at < 2_500 ? at % 5 === 0 : true;
    return `华东区域第${at % 7}组,${text ? '待定' : at + 1}`;
  });
}
