/* global self, location, importScripts, WebAssembly */
// The database's worker: DuckDB-WASM's own worker script (its URL after the `#`, or in the
// worker's name when a starter script made by stratex.js loaded this one from another
// host), minus one detour. To report download progress that script pipes the wasm
// response through a TransformStream into a new Response, and the browser keeps compiled
// wasm only for a response that came straight from its HTTP cache — so every visit
// compiled the 34 MB module again. Stratex does not use that progress: without
// TransformStream the script streams the fetch response as it is, and a returning
// visitor's browser reuses the code. On that path DuckDB drops a failed compile (a
// missing wasm, or one sent without `application/wasm`) without a word and waits forever:
// here the failure is thrown, so the page hears of it and can say what is wrong.
'use strict';
(function boot() {
  const started = location.protocol === 'blob:';
  const named = started ? self.name : decodeURIComponent(location.hash.slice(1));
  const script = new URL(named, location.href);
  const sameOrigin = script.origin === location.origin;
  if ((!started && !sameOrigin) || !script.pathname.endsWith('.js')) {
    throw new Error('The database worker may only load its own script, next to this one.');
  }
  self.TransformStream = undefined;
  const compile = WebAssembly.instantiateStreaming;
  if (typeof compile === 'function') {
    WebAssembly.instantiateStreaming = function instantiateStreaming(source, imports) {
      const compiling = compile.call(WebAssembly, source, imports);
      compiling.catch((error) =>
        setTimeout(() => {
          throw new Error(`The query engine's wasm could not be compiled: ${error}`);
        }),
      );
      return compiling;
    };
  }
  // The page's heartbeat (resilience/heartbeat.ts): answered here, never seen by DuckDB. The
  // worker holds the named Web Lock for its whole life, so the page learns of its end at once.
  self.addEventListener('message', function heartbeat(event) {
    if (!event.data || event.data.type !== 'stratex-heartbeat') return;
    event.stopImmediatePropagation();
    self.removeEventListener('message', heartbeat);
    const port = event.ports[0];
    port.onmessage = () => port.postMessage('pong');
    const locks = self.navigator.locks;
    if (locks && event.data.lock) {
      void locks.request(event.data.lock, () => {
        port.postMessage('held');
        return new Promise(() => undefined);
      });
    }
  });
  // A worker served with `require-trusted-types-for 'script'` takes script URLs only through
  // a policy: ours, named `stratex`, passes on the URL checked above and, for the threaded
  // build, the script its threads run, from the same folder.
  let policy = self.stratexPolicy;
  const folder = script.href.slice(0, script.href.lastIndexOf('/') + 1);
  function ownScript(url) {
    const asked = new URL(url, script.href).href;
    if (
      asked === script.href ||
      (asked.startsWith(folder) && /^[^/?#]+\.js$/.test(asked.slice(folder.length)))
    )
      return asked;
    throw new TypeError('The "stratex" policy passes only the database\'s own scripts.');
  }
  function trusted(url) {
    policy ??= self.trustedTypes.createPolicy('stratex', { createScriptURL: ownScript });
    return policy.createScriptURL(url);
  }
  const StartWorker = self.Worker;
  if (typeof StartWorker === 'function' && self.trustedTypes) {
    self.Worker = function Worker(url, options) {
      try {
        return new StartWorker(url, options);
      } catch (error) {
        if (!(error instanceof TypeError)) throw error;
        return new StartWorker(trusted(String(url)), options);
      }
    };
  }
  try {
    importScripts(script.href);
  } catch (error) {
    if (!(error instanceof TypeError) || !self.trustedTypes) throw error;
    importScripts(trusted(script.href));
  }
})();
