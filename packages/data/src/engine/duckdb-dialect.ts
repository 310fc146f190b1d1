/**
 * The engine's own database speaks DuckDB. The engine fetches this spelling on first use
 * rather than carrying it in the page's first script: importing it through this module puts
 * it in a chunk of its own, shared with the coordinator.
 */
export { duckdbDialect } from '../query/dialect';
