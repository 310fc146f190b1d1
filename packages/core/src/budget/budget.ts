import { tidy } from '../targets/achievement';
import { formatRate } from '../values/format';
import { isBlankRecord, roleCell, roleText } from '../records/records';
import type { CellRecord, UnreadableCell } from '../records/records';
import { STRATEGY_SCHEMA, headersOf, resolveColumns } from '../records/roles';
import type { ColumnResolution } from '../records/roles';
import { normaliseText, parseCell } from '../values/values';
import { cellText, readCell } from '../values/cells';
import type { Lang } from '../values/values';
import type { Cell } from '../values/cells';
import { messageText } from '../messages/catalogue';

export interface BudgetLine {
  module: string;
  planned: number | null;
  spent?: number | null;
}

export interface ModuleBudget {
  module: string;
  planned: number;
  share: number | null;
  spent: number | null;
  /** spent ÷ planned; null when nothing is planned or nothing spent is known. */
  spendRate: number | null;
  remaining: number | null;
  contingency: boolean;
}

export interface BudgetAllocation {
  total: number;
  modules: ModuleBudget[];
  spent: number | null;
  spendRate: number | null;
  contingency: { amount: number; share: number | null; withinGuidance: boolean; message: string };
}

export const CONTINGENCY_GUIDANCE: readonly [number, number] = [0.1, 0.2];

/** True for a module that is a reserve kept back (预备金, 应急, 机动, contingency, reserve). */
export function isContingency(module: string): boolean {
  return /预备|应急|机动|储备|备用|contingency|reserve|buffer/i.test(module);
}

/** Sums the money amounts written inside a text: '调研费2万元' → 20000, '场地1万元+物料5,000元' → 15000. */
export function extractAmount(text: string | null | undefined): number | null {
  const normal = normaliseText(text ?? '');
  const candidates =
    normal.match(/[¥$]?\s*\d[\d,]*(?:\.\d+)?\s*(?:万亿|亿|万|千)?\s*(?:元|块)?/g) ?? [];
  let total: number | null = null;
  for (const candidate of candidates) {
    const cell = parseCell(candidate.trim());
    if (cell.kind === 'number' && cell.unit === 'money') total = (total ?? 0) + cell.value;
  }
  return total === null ? null : tidy(total);
}

/** A money column's cell: a bare '20,000' counts as yuan there; otherwise the amounts written in it. */
function moneyCell(given: Cell | undefined): number | null {
  const cell = readCell(given, 'money');
  return cell.kind === 'number' && cell.unit === 'money'
    ? cell.value
    : extractAmount(cellText(given));
}

/** Shares of the budget by module, contingency checked against the 10–20 % guidance, spend against plan. */
export function allocateBudget(
  lines: readonly BudgetLine[],
  options: { guidance?: readonly [number, number]; lang?: Lang } = {},
): BudgetAllocation {
  const [low, high] = options.guidance ?? CONTINGENCY_GUIDANCE;
  const byModule = new Map<string, { planned: number; spent: number | null }>();
  for (const line of lines) {
    const entry = byModule.get(line.module) ?? { planned: 0, spent: null };
    entry.planned += line.planned ?? 0;
    if (line.spent !== undefined && line.spent !== null)
      entry.spent = (entry.spent ?? 0) + line.spent;
    byModule.set(line.module, entry);
  }
  const total = tidy([...byModule.values()].reduce((sum, entry) => sum + entry.planned, 0));
  const ratio = (part: number, whole: number): number | null =>
    whole > 0 ? tidy(part / whole) : null;
  const modules: ModuleBudget[] = [...byModule].map(([module, entry]) => ({
    module,
    planned: tidy(entry.planned),
    share: ratio(entry.planned, total),
    spent: entry.spent === null ? null : tidy(entry.spent),
    spendRate: entry.spent === null ? null : ratio(entry.spent, entry.planned),
    remaining: entry.spent === null ? null : tidy(entry.planned - entry.spent),
    contingency: isContingency(module),
  }));
  const spentModules = modules.filter((module) => module.spent !== null);
  const spent = spentModules.length
    ? tidy(spentModules.reduce((s, m) => s + (m.spent ?? 0), 0))
    : null;
  const amount = tidy(modules.filter((m) => m.contingency).reduce((sum, m) => sum + m.planned, 0));
  const share = ratio(amount, total);
  const withinGuidance = share !== null && share >= low - 1e-12 && share <= high + 1e-12;
  const message = contingencyMessage(share, low, high, options.lang ?? 'zh-CN');
  return {
    total,
    modules,
    spent,
    spendRate: spent === null ? null : ratio(spent, total),
    contingency: { amount, share, withinGuidance, message },
  };
}

function contingencyMessage(share: number | null, low: number, high: number, lang: Lang): string {
  const range = `${formatRate(low, lang).replace('%', '')}–${formatRate(high, lang)}`;
  if (share === null) return messageText(lang, 'contingencyZeroTotal');
  if (share === 0) return messageText(lang, 'contingencyNone', { range });
  const code =
    share < low ? 'contingencyBelow' : share > high ? 'contingencyAbove' : 'contingencyWithin';
  return messageText(lang, code, { share: formatRate(share, lang), range });
}

/** Reads budget lines from the strategy table: the budget column when present, else amounts written in 所需资源. */
export function budgetFromStrategy(
  records: readonly CellRecord[],
  options: { overrides?: Readonly<Record<string, string>>; lang?: Lang } = {},
): {
  lines: (BudgetLine & { sourceRow: number })[];
  resolution: ColumnResolution;
  unreadable: UnreadableCell[];
} {
  const lang = options.lang ?? 'zh-CN';
  const resolution = resolveColumns(headersOf(records), STRATEGY_SCHEMA, options.overrides);
  const lines: (BudgetLine & { sourceRow: number })[] = [];
  const unreadable: UnreadableCell[] = [];
  let module = '';
  records.forEach((record, index) => {
    if (isBlankRecord(record)) return;
    const sourceRow = index + 1;
    module = roleText(record, resolution, 'module') ?? module;
    const source = resolution.columns.budget ? 'budget' : 'resources';
    const given = roleCell(record, resolution, source);
    const written = roleText(record, resolution, source);
    const planned = source === 'budget' ? moneyCell(given) : extractAmount(written);
    if (written && planned === null) {
      const reason = messageText(lang, 'cellNoAmount');
      unreadable.push({
        row: sourceRow,
        column: resolution.columns[source] ?? source,
        value: written,
        reason,
      });
    }
    const spent = moneyCell(roleCell(record, resolution, 'spent'));
    lines.push({ module, planned, spent, sourceRow });
  });
  return { lines, resolution, unreadable };
}
