// What the three examples share: the template's evaluation rows as a page would hold them
// (the `.data` property), and how a chosen dimension is shown.

/** The template's evaluation (T4) as plain objects: 108 %, 80 %, 93 %. */
export const evaluationRows = [
  { dimension: 'revenue', target: 5000000, actual: 5400000 },
  { dimension: 'lead conversion rate', target: '15%', actual: '12%' },
  { dimension: 'new customers', target: 30, actual: 28 },
];

/** `sx-select`'s detail as text: the chosen dimension, or a dash when the choice was cleared. */
export function selectionText(detail) {
  return detail.selection ? Object.values(detail.selection).join(', ') : '—';
}
