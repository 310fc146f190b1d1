import { describe, expect, it } from 'vitest';
import { parseCell } from '@stratex/core';
import { emptyTally, guessColumn, tallyCells } from '../../../src/csv/column-kinds';
import { sampleRows } from '../../../src/csv/column-plan';
import { kindWhateverTheDraw, plannedKind } from '../../../src/csv/sample-proof';

// The loader plans a long table's kinds from its first rows and a random draw of its rows;
// the JS reading takes such a table only when no draw could plan another kind. Checked here
// against every draw of small tables, and on the long columns the JS reading meets.

/** One cell of each kind the planning counts. */
const CELLS = ['12', '2024年', '2024-06-01', '2024Q3', '待定', null, '#N/A'] as const;

/** Every `count`-row subset of `rows` rows. */
function* subsets(rows: number, count: number, from = 0): Generator<number[]> {
  if (count === 0) {
    yield [];
    return;
  }
  for (let row = from; row <= rows - count; row++) {
    for (const rest of subsets(rows, count - 1, row + 1)) yield [row, ...rest];
  }
}

/** A seeded column of `rows` cells: mostly one cell, with others mixed in at `mix`. */
function column(seed: number, rows: number): (string | null)[] {
  let state = seed;
  const next = (): number => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 4_294_967_296;
  };
  const main = CELLS[Math.floor(next() * CELLS.length)]!;
  const mix = [0, 0.05, 0.15, 0.2, 0.3, 0.5][Math.floor(next() * 6)]!;
  return Array.from({ length: rows }, () =>
    next() < mix ? CELLS[Math.floor(next() * CELLS.length)]! : main,
  );
}

describe('a kind that no draw of the planning can change', () => {
  const rows = 11;
  const head = 4;
  const draw = 4;

  it('is the kind of every draw, and none where two draws plan different kinds', () => {
    let decided = 0;
    let undecided = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const cells = column(seed, rows);
      const first = cells.slice(0, head);
      const kinds = new Set(
        [...subsets(rows, draw)].map((drawn) =>
          guessColumn([...first, ...drawn.map((row) => cells[row]!)]),
        ),
      );
      const found = kindWhateverTheDraw(tallyCells(first), tallyCells(cells), draw);
      if (found === undefined) {
        undecided++;
        continue;
      }
      decided++;
      expect([...kinds], `column ${seed}: ${JSON.stringify(cells)}`).toEqual([found]);
    }
    // Columns of one kind of cell, and many with a few strays, are decided.
    expect(decided).toBeGreaterThan(200);
    expect(undecided).toBeGreaterThan(20);
  });

  it('decides a column of one kind of cell, blanks among them or not', () => {
    const expected = { '12': 'number', '2024-06-01': 'date', '2024Q3': 'period', 待定: 'text' };
    for (const [cell, kind] of Object.entries(expected)) {
      const cells = Array.from({ length: rows }, (_, row) => (row % 3 === 2 ? null : cell));
      const found = kindWhateverTheDraw(tallyCells(cells.slice(0, head)), tallyCells(cells), draw);
      expect(found).toBe(kind);
    }
    const blank = tallyCells(Array.from({ length: rows }, () => null));
    expect(kindWhateverTheDraw(emptyTally(), blank, draw)).toBe('text');
  });

  it('leaves undecided a column whose only filled cells a draw may miss', () => {
    const cells: (string | null)[] = Array.from({ length: rows }, () => null);
    cells[rows - 1] = '12';
    expect(kindWhateverTheDraw(tallyCells(cells.slice(0, head)), tallyCells(cells), draw)).toBe(
      undefined,
    );
  });
});

describe('a tally of cells', () => {
  it('counts a cell that opens with a Chinese character as text, as parseCell reads it', () => {
    const cells = [
      '任务 1',
      '万元',
      '上半年',
      '第3季度',
      '年度2024',
      '一季度',
      '元 500',
      '亿',
      '二〇二四年',
    ];
    expect(cells.map((cell) => parseCell(cell).kind)).toEqual(cells.map(() => 'text'));
    expect(tallyCells(cells)).toEqual({ ...emptyTally(), other: cells.length });
    expect(tallyCells(['2024年6月', ' 500万元', '＄12', 'Q3 2024', '#N/A', '　'])).toEqual({
      ...emptyTally(),
      number: 2,
      period: 2,
      blank: 2,
    });
  });
});

describe('the kinds the JS reading plans a long file with', () => {
  const width = 5;
  const { head, rows } = sampleRows(width);
  const long = head * 4;

  it('plans a table shorter than the head from all its cells', () => {
    const cells = ['12', '待定', '待定'];
    expect(plannedKind(cells, width)).toBe(guessColumn(cells));
  });

  it('plans the columns of a 10,000-task tracker whatever the draw', () => {
    const tasks = Array.from({ length: long }, (_, at) => `任务 ${at + 1}`);
    const progress = Array.from({ length: long }, (_, at) =>
      at % 50 === 0 ? '90%（设计中）' : at % 50 === 25 ? '待定' : `${(at * 7) % 101}%`,
    );
    const ends = Array.from(
      { length: long },
      (_, at) => `2024-06-${String(2 + (at % 28)).padStart(2, '0')}`,
    );
    expect([tasks, progress, ends].map((cells) => plannedKind(cells, width))).toEqual([
      'text',
      'number',
      'date',
    ]);
  });

  it('leaves to the engine a column whose stray cells sit where a draw may find enough of them', () => {
    // The head is 10 % text, the rest 40 %: a draw from the rest alone plans text.
    const cells = Array.from({ length: long }, (_, at) =>
      at < head ? (at % 10 === 0 ? '待定' : '5') : at % 5 < 2 ? '待定' : '5',
    );
    expect(rows).toBe(head * 2);
    expect(plannedKind(cells, width)).toBeUndefined();
    // Strays spread evenly at 5 %: a draw of every one of them still leaves 80 % numbers.
    const even = cells.map((_, at) => (at % 20 === 0 ? '待定' : '5'));
    expect(plannedKind(even, width)).toBe('number');
  });
});
