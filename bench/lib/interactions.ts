// Sorting timed interactions by what answered them, so that a cache hit is never reported
// as the cost of a drill.

/** How one widget request of an interaction was answered (the coordinator's `plan`, `cached`). */
export interface Answer {
  plan: string;
  cached: boolean;
}

export interface TimedInteraction {
  kind: string;
  ms: number;
  answers: readonly Answer[];
}

export type Phase = 'cold' | 'answered' | 'repeat';

/**
 * `cold`: the first drill after the page loaded (its pre-aggregates are built then);
 * `answered`: a later interaction for which at least one request ran SQL (on the raw rows or
 * a pre-aggregate); `repeat`: every request was a kept answer, or none was made.
 */
export function phaseOf(interaction: TimedInteraction, firstDrill: boolean): Phase {
  if (firstDrill) return 'cold';
  return interaction.answers.some((answer) => !answer.cached) ? 'answered' : 'repeat';
}

/** The interactions of one page load, in order, sorted into phases. */
export function byPhase(interactions: readonly TimedInteraction[]): Record<Phase, number[]> {
  const phases: Record<Phase, number[]> = { cold: [], answered: [], repeat: [] };
  let drilled = false;
  for (const interaction of interactions) {
    const first = interaction.kind === 'drill' && !drilled;
    if (interaction.kind === 'drill') drilled = true;
    phases[phaseOf(interaction, first)].push(interaction.ms);
  }
  return phases;
}

/** How often each plan answered, as `plan ×n` (kept answers counted as `cached`). */
export function planCounts(interactions: readonly TimedInteraction[]): string {
  const counts = new Map<string, number>();
  for (const { answers } of interactions)
    for (const answer of answers) {
      const name = answer.cached ? 'cached' : answer.plan;
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([plan, n]) => `${plan} ×${n}`)
    .join(', ');
}
