import type { Lang } from '@stratex/core';
import {
  DatabaseLostError,
  EngineTimeoutError,
  LoadError,
  UnknownSourceError,
} from '@stratex/data';
import { message, type MessageKey } from './lang';

/** A failure as a widget shows it: what happened, in the reader's language, and the raw detail. */
export interface FailureText {
  message: string;
  detail?: string;
}

const outOfMemory =
  /out of memory|could not allocate|Cannot enlarge memory|Array buffer allocation failed/i;
/** A buffer larger than the browser can allocate or hand to the engine's worker. */
const beyondBrowser =
  /exceeds the supported range|Invalid array length|Invalid typed array length/i;
const damaged =
  /could not be read as (Parquet|Arrow)|truncated|Invalid Input Error|unexpected end/i;

/** The catalogue's words for a failure the widgets know, or undefined. */
function knownFault(cause: unknown): MessageKey | undefined {
  if (cause instanceof DatabaseLostError) return 'faultEngineLost';
  if (cause instanceof EngineTimeoutError) return 'faultEngineSlow';
  if (cause instanceof UnknownSourceError) return 'faultNoSource';
  const text =
    cause instanceof Error ? `${cause.message} ${String((cause as LoadError).detail ?? '')}` : '';
  if (outOfMemory.test(text)) return 'faultOutOfMemory';
  if (beyondBrowser.test(text)) return 'faultTooLarge';
  if (!(cause instanceof LoadError)) return undefined;
  const fault = cause.fault;
  switch (fault?.kind) {
    case 'status':
      if (fault.status === 404 || fault.status === 410) return 'faultNotFound';
      return fault.status >= 500 ? 'faultServerError' : 'faultRefused';
    case 'unreachable':
      return 'faultUnreachable';
    case 'broken-off':
      return 'faultBrokenOff';
    case 'timed-out':
      return 'faultTimedOut';
    case 'too-large':
      return 'faultTooLarge';
    default:
      return damaged.test(text) ? 'faultDamaged' : undefined;
  }
}

/**
 * Says a failure in the reader's language when it is one the widgets know (the engine lost
 * or stuck, the server's answer, a broken or slow download, a file too large, memory run
 * out), naming the file; the engine's own words stay as the detail. Other failures — bad
 * columns, a refused query — already speak for themselves and are shown as they are.
 */
export function failureText(cause: unknown, lang: Lang): FailureText {
  const original = cause instanceof Error ? cause.message : String(cause);
  const detail = cause instanceof LoadError ? cause.detail : undefined;
  const key = knownFault(cause);
  if (!key) return detail ? { message: original, detail } : { message: original };
  const file =
    cause instanceof LoadError && cause.file
      ? cause.file
      : cause instanceof UnknownSourceError
        ? cause.sourceName
        : undefined;
  const said = message(lang, key);
  const colon = lang === 'zh-CN' ? '：' : ': ';
  return {
    message: file ? `${said}${colon}${file}` : said,
    detail: detail && !original.includes(detail) ? `${original} (${detail})` : original,
  };
}
