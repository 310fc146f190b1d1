// Case 5: what a page downloads. Stratex: the entry script a page pays before any data
// (stratex.js), the engine's JavaScript (DuckDB's worker and the lazily loaded chunks)
// and the wasm; the contestants' built pages alongside.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Sizes } from '../lib/results.ts';
import { benchPath } from '../lib/site.ts';

const gzipBytes = (file: string): number => gzipSync(readFileSync(file), { level: 9 }).length;

function files(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The chunks a script imports before it runs (`import … from "./chunks/…"`), which a page pays for with it. */
function staticImports(script: string): string[] {
  const folder = script.slice(0, script.lastIndexOf('/'));
  const source = readFileSync(script, 'utf8');
  const found = [...source.matchAll(/from\s*"\.\/(chunks\/[^"]+\.js)"/g)].map((match) =>
    join(folder, match[1]!),
  );
  return [...new Set(found)];
}

const sum = (values: number[]): number => values.reduce((total, value) => total + value, 0);

export function sizesCase(): Sizes {
  const embed = benchPath('../packages/embed/dist');
  const all = files(embed);
  const js = all.filter((file) => file.endsWith('.js'));
  const entry = join(embed, 'stratex.js');
  const duckdbWasm = all.find((file) => /duckdb-eh.*\.wasm$/.test(file))!;
  const parquetWasm = all.find((file) => /parquet_wasm.*\.wasm$/.test(file))!;
  const built = files(benchPath('dist/contestants'));
  const contestants: Sizes['contestants'] = {};
  for (const name of ['duckdb-wasm-raw', 'perspective', 'arquero'] as const) {
    // A contestant's entry chunk and every chunk or asset it can load, followed transitively.
    const html = readFileSync(benchPath(`dist/contestants/${name}.html`), 'utf8');
    const entryChunk = /src="\.\/assets\/([^"]+\.js)"/.exec(html)?.[1];
    const used = new Set<string>();
    const queue = built.filter((file) => file.endsWith(`/${entryChunk}`));
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (used.has(file)) continue;
      used.add(file);
      if (!file.endsWith('.js')) continue;
      const source = readFileSync(file, 'utf8');
      queue.push(...built.filter((other) => source.includes(other.split('/').pop()!)));
    }
    const usedFiles = [...used];
    contestants[name] = {
      js_gzip_bytes: sum(usedFiles.filter((file) => file.endsWith('.js')).map(gzipBytes)),
      wasm_bytes: sum(
        usedFiles.filter((file) => file.endsWith('.wasm')).map((file) => statSync(file).size),
      ),
    };
  }
  return {
    stratex: {
      first_load_js_gzip_bytes: sum([entry, ...staticImports(entry)].map(gzipBytes)),
      engine_js_gzip_bytes: sum(
        js.filter((file) => file !== entry && !staticImports(entry).includes(file)).map(gzipBytes),
      ),
      duckdb_wasm_bytes: statSync(duckdbWasm).size,
      duckdb_wasm_gzip_bytes: gzipBytes(duckdbWasm),
      parquet_wasm_bytes: statSync(parquetWasm).size,
    },
    contestants,
  };
}
