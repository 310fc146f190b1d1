import type { ColumnKind } from './report';
import {
  emptyTally,
  filledOf,
  type KindTally,
  kindOfTally,
  nearlyAll,
  tallyCells,
} from './column-kinds';
import { sampleRows } from './column-plan';

/** A draw's cells of one kind and of the other filled kinds. */
interface Drawn {
  own: number;
  others: number;
}

/**
 * The kind the loader's planning gives a column of a table at least as long as its head,
 * whatever rows its random draw takes; undefined when some draw could give another kind.
 *
 * The loader guesses from the first rows plus `draw` distinct rows drawn from the whole table
 * (`planColumns`), so it decides from the head's tally plus that of some `draw` rows of the
 * table's (`whole`, the head included). Whether a kind's cells are at least 80 % of the filled
 * ones grows with each of its cells drawn and shrinks with each other filled cell, so it holds
 * for every draw when it holds for the least favourable one, and for none when it fails for
 * the most favourable one.
 */
export function kindWhateverTheDraw(
  head: KindTally,
  whole: KindTally,
  draw: number,
): ColumnKind | undefined {
  const filled = filledOf(whole);
  const rows = filled + whole.blank;
  const count = Math.min(draw, rows);
  const fewest = (cells: number): number => Math.max(0, count - (rows - cells));
  const most = (cells: number): number => Math.min(count, cells);
  const headFilled = filledOf(head);
  if (headFilled + most(filled) === 0) return 'text';
  if (headFilled + fewest(filled) === 0) return undefined;
  const tests: [ColumnKind, (tally: KindTally) => number, boolean, boolean][] = [
    [
      'number',
      (tally) => tally.number + tally.year,
      head.number + fewest(whole.number) > 0,
      head.number + most(whole.number) > 0,
    ],
    ['date', (tally) => tally.date, true, true],
    ['period', (tally) => tally.period + tally.year, true, true],
  ];
  for (const [kind, cellsOf, surelySome, maybeSome] of tests) {
    const own = cellsOf(whole);
    const others = filled - own;
    // Least favourable: the other filled cells first, then blanks, then its own; most: the reverse.
    const worst = {
      own: Math.max(0, count - others - whole.blank),
      others: Math.min(count, others),
    };
    const best = { own: Math.min(count, own), others: Math.max(0, count - own - whole.blank) };
    const holds = (drawn: Drawn): boolean =>
      nearlyAll(cellsOf(head) + drawn.own, headFilled + drawn.own + drawn.others);
    if (surelySome && holds(worst)) return kind;
    if (maybeSome && holds(best)) return undefined;
  }
  return 'text';
}

/**
 * The kind the loader's planning gives a column of a table of `width` columns, from all of its
 * cells (in file order): a table shorter than the planning head is planned from all of them,
 * a longer one from its head and a random draw (`kindWhateverTheDraw`).
 */
export function plannedKind(
  cells: readonly (string | null)[],
  width: number,
): ColumnKind | undefined {
  const { rows, head } = sampleRows(width);
  if (cells.length < head) return kindOfTally(tallyCells(cells));
  const first = tallyCells(cells, emptyTally(), 0, head);
  const whole = tallyCells(cells, { ...first }, head);
  return kindWhateverTheDraw(first, whole, Math.floor(rows / 2));
}
