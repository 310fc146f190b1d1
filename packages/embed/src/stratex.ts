/**
 * The drop-in script: registers every `sx-` element and starts the query engine at once,
 * so that its start-up overlaps the page's own loading. Its wasm and worker files are
 * found next to this file.
 */
import { pageEngine } from '@stratex/data';
import '@stratex/widgets/define';

pageEngine().warmUp();

export * from '@stratex/widgets';
export { pageEngine };
