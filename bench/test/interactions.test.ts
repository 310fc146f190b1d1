import { describe, expect, it } from 'vitest';
import { byPhase, planCounts, type TimedInteraction } from '../lib/interactions.ts';

const step = (kind: string, ms: number, ...cached: boolean[]): TimedInteraction => ({
  kind,
  ms,
  answers: cached.map((hit) => ({ plan: hit ? 'aggregate' : 'pre-aggregate', cached: hit })),
});

describe('interaction phases', () => {
  it('keeps the first drill, SQL answers and kept answers apart', () => {
    const phases = byPhase([
      step('drill', 900, false, false),
      step('up', 12, true, true),
      step('clear', 8),
      step('drill', 70, true, false),
      step('up', 11, true, true),
      step('drill', 9, true, true),
    ]);
    expect(phases).toEqual({ cold: [900], answered: [70], repeat: [12, 8, 11, 9] });
  });

  it('counts the plans that answered, kept answers apart', () => {
    expect(planCounts([step('drill', 1, false, true), step('up', 1, true)])).toBe(
      'cached ×2, pre-aggregate ×1',
    );
  });
});
