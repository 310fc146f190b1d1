/**
 * What the drop-in script starts while it runs, before any element asks: the link to the
 * page's engine and the drawing modules (scales, layouts), each fetched as a chunk of its own.
 */
export { loadDrawing } from './base/drawing';
export { pageEngineLater } from './base/engine-link';
