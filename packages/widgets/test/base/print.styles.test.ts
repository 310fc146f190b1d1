import { describe, expect, it } from 'vitest';
import { printStyles } from '../../src/base/print.styles';
import { SxProgressTracker } from '../../src/progress-tracker/progress-tracker';
import { SxScorecard } from '../../src/scorecard/scorecard';
import { SxTargetTreemap } from '../../src/target-treemap/target-treemap';
import { SxVarianceAlerts } from '../../src/variance-alerts/variance-alerts';

describe('the print styles, said once', () => {
  it('hide what only works on a screen and print black on white', () => {
    const sheet = printStyles.styleSheet;
    const print = Array.from(sheet?.cssRules ?? []).find(
      (rule): rule is CSSMediaRule => rule instanceof CSSMediaRule,
    );
    expect(print?.media.mediaText).toBe('print');
    const text = Array.from(print?.cssRules ?? [], (rule) => rule.cssText).join('\n');
    expect(text).toMatch(/\[part="toolbar"\], \.filters, \.tooltip \{ display: none; \}/);
    expect(text).toMatch(/:host \{ color: rgb\(0, 0, 0\); background: rgb\(255, 255, 255\); \}/);
  });

  it('come last in every widget’s styles, so they win', () => {
    for (const widget of [SxTargetTreemap, SxScorecard, SxProgressTracker, SxVarianceAlerts]) {
      expect(widget.styles.at(-1)).toBe(printStyles);
    }
  });
});
