/* global URLSearchParams, location, requestAnimationFrame, performance */
// Writes the page's Stratex tags from ?src= (and ?widgets=4 for the memory case), then
// reports the first frame on which every widget is drawn, with the figures the treemap
// drew from, for the harness to read as window.benchDone.
const params = new URLSearchParams(location.search);
const source = document.createElement('sx-data-source');
source.setAttribute('name', 'sales');
source.setAttribute('src', params.get('src') ?? '');
document.body.append(source);

const views = [
  ['region,product_line', 'treemap'],
  ['channel', 'channels'],
  ['customer_type', 'customers'],
  ['product_line', 'products'],
].slice(0, Number(params.get('widgets') ?? 1));
const widgets = views.map(([levels, id]) => {
  const treemap = document.createElement('sx-target-treemap');
  treemap.id = id;
  treemap.setAttribute('source', 'sales');
  treemap.setAttribute('levels', levels);
  treemap.setAttribute('target', 'target_share');
  treemap.setAttribute('actual', 'amount');
  document.body.append(treemap);
  return treemap;
});

const drawn = (widget) =>
  widget.state === 'ready' &&
  !widget.isBusy &&
  widget.shadowRoot?.querySelector('[part~="tile"]') !== null &&
  widget.shadowRoot?.querySelector('[part="data-table"] tbody tr') !== null;

/** A figure as the widget holds it: a cell the engine read (`{ value }`) or its text. */
const figure = (cell) =>
  cell !== null && typeof cell === 'object' ? Number(cell.value) : Number(cell);

function poll() {
  const failed = widgets.find((widget) => widget.state === 'error');
  if (failed) {
    window.benchDone = {
      ms: NaN,
      groups: 0,
      target: 0,
      actual: 0,
      error: failed.shadowRoot?.textContent,
    };
    return;
  }
  if (!widgets.every(drawn)) {
    requestAnimationFrame(poll);
    return;
  }
  const ms = performance.now();
  // The summed rows the first treemap drew its tiles from.
  const rows = widgets[0].rows ?? [];
  const [target, actual] = ['target_share', 'amount'].map((column) =>
    rows.reduce((sum, row) => sum + figure(row[column]), 0),
  );
  window.benchDone = { ms, groups: rows.length, target, actual };
}
requestAnimationFrame(poll);
