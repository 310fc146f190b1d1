/** One event of a Chromium trace, as the bench reads it; `Args` what a reader looks for in its arguments. */
export interface TraceEvent<Args = { name?: string }> {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: Args;
}

/**
 * The CPU time of the page's main thread between the performance marks `name` and
 * `name-done`, in ms: the tasks that thread ran between the two marks, by their thread time.
 */
export function cpuBetween(events: readonly TraceEvent[], name: string): number {
  const start = events.find((event) => event.name === name);
  const end = events.find((event) => event.name === `${name}-done`);
  if (!start || !end) return Number.NaN;
  let micros = 0;
  for (const event of events)
    if (
      event.name === 'ThreadControllerImpl::RunTask' &&
      event.ph === 'X' &&
      event.pid === start.pid &&
      event.tid === start.tid &&
      event.ts >= start.ts &&
      event.ts <= end.ts
    )
      micros += event.tdur ?? 0;
  return micros / 1000;
}
