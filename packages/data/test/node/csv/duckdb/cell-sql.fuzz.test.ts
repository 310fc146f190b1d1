import { afterAll, describe, expect, it } from 'vitest';
import { nodeEngine } from '@stratex/data/node';
import { createRandom, type Random } from '../../../../../../fixtures/scripts/random';
import { disagreements } from '../../../csv-checks';

// core's parseCell is the one specification of how a cell reads; the loader's SQL form of
// it must agree on every cell. Cells are generated from the spellings real exports use,
// recombined at random (seeded), including near misses that must stay unreadable.
const engine = nodeEngine();
afterAll(() => engine.close());

const pick = <T>(random: Random, list: readonly T[]): T => list[random.int(list.length)]!;

function fullWidth(text: string): string {
  return text.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}

function digits(random: Random): string {
  const whole = String(Math.floor(10 ** (random.next() * 9)));
  const grouped =
    random.next() < 0.3
      ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, random.next() < 0.9 ? ',' : ' ')
      : whole;
  const fraction =
    random.next() < 0.35 ? `.${String(random.int(1000)).padStart(random.int(3) + 1, '0')}` : '';
  const shapes = [
    grouped + fraction,
    grouped + fraction,
    `.${random.int(100)}`,
    `0${whole}`,
    `${whole}.`,
  ];
  return random.next() < 0.85 ? grouped + fraction : pick(random, shapes);
}

function numberCell(random: Random): string {
  const space = (): string => pick(random, ['', '', '', ' ', '\u3000', '\u00a0', '  ']);
  const currency = pick(random, ['', '', '', '¥', '$', 'RMB ', 'CNY', 'USD ', '￥']);
  const sign = pick(random, ['', '', '', '-', '+', '−']);
  const scale = pick(random, [
    '',
    '',
    '',
    '万',
    '亿',
    '千',
    'k',
    'K',
    'M',
    'w',
    '万亿',
    '千万',
    '百万',
    'B',
  ]);
  const suffix = pick(random, [
    '',
    '',
    '',
    '元',
    '%',
    '家',
    '个',
    '人民币',
    '美元',
    '块',
    '家客户',
    '次',
  ]);
  const note = pick(random, ['', '', '', '', '（设计中）', ' (est.)', '（预计）', '(done)']);
  let cell =
    random.next() < 0.5
      ? `${currency}${sign}${digits(random)}${scale}${suffix}${note}`
      : `${sign}${currency}${digits(random)}${scale}${suffix}`;
  if (random.next() < 0.08) cell = fullWidth(cell);
  if (random.next() < 0.04)
    cell = pick(random, ['#N/A', 'n/a', '三十', '1e5', '#DIV/0!', '="0012"', '-', '—']);
  return `${space()}${cell}${space()}`;
}

function dateCell(random: Random): string {
  const year = 2019 + random.int(8);
  const month = random.next() < 0.95 ? 1 + random.int(12) : pick(random, [0, 13]);
  const day = random.next() < 0.95 ? 1 + random.int(28) : pick(random, [0, 29, 30, 31, 32]);
  const pad = (n: number): string => (random.next() < 0.5 ? String(n).padStart(2, '0') : String(n));
  const shapes = [
    `${year}/${pad(month)}/${pad(day)}`,
    `${year}-${pad(month)}-${pad(day)}`,
    `${year}.${pad(month)}.${pad(day)}`,
    `${year}年${month}月${day}日`,
    `${year} 年 ${month} 月 ${day} 日`,
    `${year}年${month}月${day}号`,
    `${year}-${pad(month)}-${pad(day)} ${pad(random.int(24))}:${pad(random.int(60))}`,
    `${year}-${month}-${day}T10:00:00`,
  ];
  let cell = pick(random, shapes);
  if (random.next() < 0.08) cell = fullWidth(cell);
  if (random.next() < 0.03) cell = pick(random, ['tomorrow', '#N/A', '待定']);
  return random.next() < 0.1 ? ` ${cell} ` : cell;
}

function periodCell(random: Random): string {
  const year = 2019 + random.int(8);
  const quarter = random.next() < 0.95 ? 1 + random.int(4) : pick(random, [0, 5]);
  const month = 1 + random.int(random.next() < 0.95 ? 12 : 14);
  const shapes = [
    `${year} Q${quarter}`,
    `${year}-Q${quarter}`,
    `Q${quarter} ${year}`,
    `${year}Q${quarter}`,
    `${year}年第${pick(random, ['一', '二', '三', '四', '五'])}季度`,
    `${year}H${1 + random.int(2)}`,
    `${year}年${pick(random, ['上', '下'])}半年`,
    `${year}-${String(month).padStart(2, '0')}`,
    `${year}年${month}月`,
    `${year}年`,
    `FY${year}`,
  ];
  let cell = pick(random, shapes);
  if (random.next() < 0.08) cell = fullWidth(cell);
  if (random.next() < 0.03) cell = pick(random, ['next quarter', '#N/A', '全年']);
  return cell;
}

/** A CSV of one column: the generated cells among plain ones, so the column's kind settles. */
function csv(header: string, cells: readonly string[], plain: (k: number) => string): Uint8Array {
  const quote = (cell: string): string =>
    /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
  const rows = cells.flatMap((cell, k) => [cell, plain(k), plain(k + 1)]);
  return new TextEncoder().encode([header, ...rows].map(quote).join('\r\n') + '\r\n');
}

const KINDS = {
  number: { make: numberCell, plain: (k: number) => String(k * 37) },
  date: { make: dateCell, plain: (k: number) => `2024-0${1 + (k % 9)}-1${k % 10}` },
  period: { make: periodCell, plain: (k: number) => `202${k % 6} Q${1 + (k % 4)}` },
} as const;

describe('the loader reads generated cells exactly as parseCell does', () => {
  for (const [kind, { make, plain }] of Object.entries(KINDS)) {
    for (const seed of [1, 2, 3]) {
      it(`${kind} cells, seed ${seed}`, async () => {
        const random = createRandom(seed * 101 + kind.length);
        const cells = Array.from({ length: 300 }, () => make(random));
        const loaded = await engine.tables.loadCsvBytes(
          `fuzz_${kind}_${seed}`,
          csv(kind, cells, plain),
        );
        expect(loaded.columnTypes?.[0]?.kind).toBe(kind);
        // Both sides of the rules are exercised: cells that read and cells that must not.
        expect(loaded.columnTypes?.[0]?.rejects).toBeGreaterThan(0);
        expect(loaded.columnTypes?.[0]?.rejects).toBeLessThan(cells.length / 2);
        expect(await disagreements(engine, loaded)).toEqual([]);
      });
    }
  }
});
