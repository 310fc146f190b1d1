/* global self, location, importScripts */
// The database's worker: DuckDB-WASM's own worker script (its URL after the `#`), minus one
// detour. To report download progress that script pipes the wasm response through a
// TransformStream into a new Response, and the browser keeps compiled wasm only for a
// response that came straight from its HTTP cache — so every visit compiled the 34 MB
// module again. Stratex does not use that progress: without TransformStream the script
// streams the fetch response as it is, and a returning visitor's browser reuses the code.
'use strict';
(function boot() {
  const script = new URL(decodeURIComponent(location.hash.slice(1)), location.href);
  if (script.origin !== location.origin || !script.pathname.endsWith('.js')) {
    throw new Error('The database worker may only load its own script, next to this one.');
  }
  self.TransformStream = undefined;
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
  try {
    importScripts(script.href);
  } catch (error) {
    // A worker served with `require-trusted-types-for 'script'` takes script URLs only
    // through a policy: ours, named `stratex`, passes on exactly the URL checked above.
    if (!(error instanceof TypeError) || !self.trustedTypes) throw error;
    const policy = self.trustedTypes.createPolicy('stratex', {
      createScriptURL: () => script.href,
    });
    importScripts(policy.createScriptURL(script.href));
  }
})();
