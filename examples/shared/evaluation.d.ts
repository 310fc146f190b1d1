export const evaluationRows: readonly Record<string, string | number>[];
export function selectionText(detail: { selection: Record<string, string> | null }): string;
