import { watchWorker } from './asset-check';
import { bundledAssets, workerUrl } from './bundled-assets';

/**
 * The name of the one Trusted Types policy Stratex creates. A page whose
 * Content-Security-Policy names the policies it allows (`trusted-types …`) must name it.
 */
export const trustedTypesPolicyName = 'stratex';

/** The slice of the Trusted Types API used here (TypeScript's DOM library does not declare it). */
interface TrustedScriptUrl {
  toString(): string;
}
interface ScriptUrlPolicy {
  createScriptURL(url: string): TrustedScriptUrl;
}
interface PolicyFactory {
  createPolicy(name: string, rules: { createScriptURL(url: string): string }): ScriptUrlPolicy;
}
type WorkerFromScript = new (url: string | TrustedScriptUrl, options?: WorkerOptions) => Worker;

let policy: ScriptUrlPolicy | undefined;
let refusal: unknown;
/** Starters made here for a worker on another origin (see `crossOriginStarter`). */
const ownStarters = new Set<string>();

/** The policy passes the worker our own build ships, and nothing else. */
function ownWorkerOnly(url: string): string {
  if (url !== workerUrl(bundledAssets) && !ownStarters.has(url)) {
    throw new TypeError(`The "${trustedTypesPolicyName}" policy passes only Stratex's own worker.`);
  }
  return url;
}

/**
 * Our policy, created at first need in a browser that has Trusted Types. A plain string
 * would be refused with a violation report on a page that enforces them, and a page's
 * enforcement cannot be read without one, so the policy is used wherever it can exist.
 */
function ownPolicy(): ScriptUrlPolicy | undefined {
  const factory = (globalThis as { trustedTypes?: PolicyFactory }).trustedTypes;
  if (!factory || policy || refusal) return policy;
  try {
    policy = factory.createPolicy(trustedTypesPolicyName, { createScriptURL: ownWorkerOnly });
  } catch (cause) {
    refusal = cause;
  }
  return policy;
}

/**
 * A browser starts a worker only from the page's own origin. When stratex.js comes from
 * another host, the worker starts from a small script made here, which loads the boot
 * script from that host (`importScripts` may cross origins); the boot script finds
 * DuckDB's worker in the worker's name. The page's CSP must then allow `worker-src blob:`.
 */
function crossOriginStarter(url: string): { script: string; options: WorkerOptions } {
  const boot = new URL(url);
  const target = decodeURIComponent(boot.hash.slice(1));
  boot.hash = '';
  const code = `'use strict';
(function start(boot) {
  try {
    importScripts(boot);
  } catch (error) {
    if (!(error instanceof TypeError) || !self.trustedTypes) throw error;
    self.stratexPolicy = self.trustedTypes.createPolicy('${trustedTypesPolicyName}', {
      createScriptURL: (url) => url,
    });
    importScripts(self.stratexPolicy.createScriptURL(boot));
  }
})(${JSON.stringify(boot.href)});
`;
  const script = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
  ownStarters.add(script);
  return { script, options: { name: target } };
}

/** Starts the database worker from its absolute URL, under Trusted Types when the page has them. */
export function startWorker(url: string): Worker {
  // Only the worker shipped with this script gets a starter; any other URL meets the policy.
  const foreign =
    url === workerUrl(bundledAssets) && new URL(url).origin !== globalThis.location?.origin;
  const { script: source, options } = foreign
    ? crossOriginStarter(url)
    : { script: url, options: undefined };
  const script = ownPolicy()?.createScriptURL(source) ?? source;
  try {
    const worker = new (Worker as WorkerFromScript)(script, options);
    watchWorker(worker);
    return worker;
  } catch (cause) {
    if (refusal === undefined || !(cause instanceof TypeError)) throw cause;
    throw new Error(
      `This page requires Trusted Types, and its Content-Security-Policy does not allow the ` +
        `policy "${trustedTypesPolicyName}" that starts the query engine. Add ` +
        `${trustedTypesPolicyName} to the page's trusted-types directive.`,
      { cause },
    );
  }
}
