import { tidy } from '../targets/achievement';
import type { BudgetAllocation } from './budget';
import { formatRate, formatValue } from '../values/format';
import type { Lang } from '../values/values';
import { messageText } from '../messages/catalogue';

export type BudgetIssue = 'over-spent' | 'nearly-spent' | 'contingency-outside-guidance';

export interface BudgetAlert {
  issue: BudgetIssue;
  /** The module concerned; for the contingency check, the contingency module (or 预备金 / contingency). */
  module: string;
  severity: 'critical' | 'warning';
  reason: string;
  /** spent ÷ planned for a module; the contingency's share of the whole budget for the guidance check. */
  ratio: number | null;
  /** What was spent on the module, or the contingency kept. */
  amount: number | null;
  /** The module's budget, or the whole budget for the contingency check. */
  budget: number;
}

export interface BudgetAlertOptions {
  lang?: Lang;
  /** Share of a module's budget spent from which it is flagged as nearly used up; default 0.9. */
  nearlySpentFrom?: number;
}

/**
 * Budget problems worth raising: a module spent past its budget (critical), one nearly used up
 * (warning), and a contingency outside the 10–20 % guidance (warning). Over-spent first.
 */
export function budgetAlerts(
  allocation: BudgetAllocation,
  options: BudgetAlertOptions = {},
): BudgetAlert[] {
  const lang = options.lang ?? 'zh-CN';
  const nearly = options.nearlySpentFrom ?? 0.9;
  const money = (value: number): string => formatValue(value, 'money', lang);
  const alerts: BudgetAlert[] = [];
  for (const line of allocation.modules) {
    if (line.spent === null || line.spendRate === null || line.spendRate < nearly) continue;
    const { module, planned, spent } = line;
    if (spent > planned) {
      const over = money(tidy(spent - planned));
      alerts.push({
        issue: 'over-spent',
        module,
        severity: 'critical',
        ratio: line.spendRate,
        amount: spent,
        budget: planned,
        reason: messageText(lang, 'budgetOverSpent', {
          module,
          over,
          spent: money(spent),
          planned: money(planned),
        }),
      });
    } else {
      const left = money(tidy(planned - spent));
      const used = formatRate(line.spendRate, lang);
      alerts.push({
        issue: 'nearly-spent',
        module,
        severity: 'warning',
        ratio: line.spendRate,
        amount: spent,
        budget: planned,
        reason: messageText(lang, 'budgetNearlySpent', {
          module,
          used,
          spent: money(spent),
          planned: money(planned),
          left,
        }),
      });
    }
  }
  alerts.sort((a, b) => (b.ratio ?? 0) - (a.ratio ?? 0));
  const { contingency } = allocation;
  if (!contingency.withinGuidance && allocation.total > 0) {
    const reserve = allocation.modules.find((line) => line.contingency)?.module;
    alerts.push({
      issue: 'contingency-outside-guidance',
      module: reserve ?? messageText(lang, 'contingencyModule'),
      severity: 'warning',
      ratio: contingency.share,
      amount: contingency.amount,
      budget: allocation.total,
      reason: contingency.message,
    });
  }
  return alerts;
}
