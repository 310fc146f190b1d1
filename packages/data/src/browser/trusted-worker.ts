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

/** The policy passes the worker our own build ships, and nothing else. */
function ownWorkerOnly(url: string): string {
  if (url !== workerUrl(bundledAssets)) {
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

/** Starts the database worker from its absolute URL, under Trusted Types when the page has them. */
export function startWorker(url: string): Worker {
  const script = ownPolicy()?.createScriptURL(url) ?? url;
  try {
    return new (Worker as WorkerFromScript)(script);
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
