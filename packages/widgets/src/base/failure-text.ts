import type { Lang } from '@stratex/core';
import {
  type CodedFailure,
  DatabaseLostError,
  EngineTimeoutError,
  type Fault,
  faultOf,
  isCodedFailure,
  LoadError,
  UnknownSourceError,
} from '@stratex/data/light';
import { message, type MessageKey } from './lang';

/** A failure as a widget shows it: what happened in the reader's language, and the detail. */
export interface FailureText {
  message: string;
  detail?: string;
}

/**
 * Says a failure in the reader's language. A failure from the data package that carries a
 * catalogue code (or wraps one that does, as its `cause`) is said from the catalogue, its
 * detail kept. A fault the widgets know (the engine lost or stuck, the server's answer, a
 * broken or slow download, a file too large, memory run out) is named with its file, the
 * engine's own words kept as the detail. Any other failure is shown in its own words to an
 * English reader; a Chinese reader gets a Chinese sentence with those words as the detail.
 */
export function failureText(cause: unknown, lang: Lang): FailureText {
  const spoken = spokenWithin(cause);
  if (spoken) {
    const detail = detailOf(spoken);
    const said = spoken.messageIn(lang);
    return detail && !said.includes(detail) ? { message: said, detail } : { message: said };
  }
  const detail = detailOf(cause);
  const original = cause instanceof Error ? cause.message : String(cause);
  const fault = knownFault(cause);
  if (fault) return faultText(fault, cause, lang, original, detail);
  const coded = codedWithin(cause);
  if (coded) {
    const said = message(lang, coded.code, coded.params);
    const codedDetail = detailOf(coded) ?? detail;
    return codedDetail ? { message: said, detail: codedDetail } : { message: said };
  }
  if ([...causeChain(cause)].some((link) => faultOf(link)?.kind === 'damaged')) {
    return faultText('faultDamaged', cause, lang, original, detail);
  }
  if (lang === 'en') return detail ? { message: original, detail } : { message: original };
  const said =
    cause instanceof LoadError && cause.file
      ? message(lang, 'loadFailed', { file: cause.file })
      : message(lang, 'failedUnexplained');
  return { message: said, detail: detail ? `${original} (${detail})` : original };
}

/** True when the failure (or one it wraps) is the engine lost or stuck: it reloads once back. */
export function isEngineLoss(cause: unknown): boolean {
  return [...causeChain(cause)].some(
    (link) => link instanceof DatabaseLostError || link instanceof EngineTimeoutError,
  );
}

function faultText(
  fault: MessageKey,
  cause: unknown,
  lang: Lang,
  original: string,
  detail: string | undefined,
): FailureText {
  const link = [...causeChain(cause)].find(
    (each) => (each instanceof LoadError && each.file) || each instanceof UnknownSourceError,
  );
  const file =
    link instanceof LoadError
      ? link.file
      : link instanceof UnknownSourceError
        ? link.sourceName
        : '';
  const said = message(lang, fault);
  return {
    message: file ? `${said}${message(lang, 'colon')}${file}` : said,
    detail: detail && !original.includes(detail) ? `${original} (${detail})` : original,
  };
}

/** The failure and the failures it wraps, outermost first. */
function* causeChain(cause: unknown): Generator<Error> {
  let current = cause;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    yield current;
    current = current.cause;
  }
}

/** The catalogue's words for a fault the widgets know, or undefined. */
function knownFault(cause: unknown): MessageKey | undefined {
  for (const link of causeChain(cause)) {
    const known = knownLink(link);
    if (known) return known;
  }
  return undefined;
}

function knownLink(cause: Error): MessageKey | undefined {
  if (cause instanceof DatabaseLostError) return 'faultEngineLost';
  if (cause instanceof EngineTimeoutError) return 'faultEngineSlow';
  if (cause instanceof UnknownSourceError) return 'faultNoSource';
  const fault = faultOf(cause);
  return fault ? faultWords(fault) : undefined;
}

/** The catalogue's words for a fault data names; damage is said only after a coded message. */
function faultWords(fault: Fault): MessageKey | undefined {
  switch (fault.kind) {
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
    case 'out-of-memory':
      return 'faultOutOfMemory';
    case 'damaged':
      return undefined;
  }
}

/** The failure itself when it carries a code, else the first coded one among the causes it wraps. */
function codedWithin(cause: unknown): (Error & CodedFailure) | undefined {
  for (const link of causeChain(cause)) if (isCodedFailure(link)) return link;
  return undefined;
}

/** A failure that says itself in both languages (a database server's), within the causes. */
interface SpokenFailure extends Error {
  messageIn(lang: Lang): string;
  retryable?: boolean;
}

function spokenWithin(cause: unknown): SpokenFailure | undefined {
  let current = cause;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    if (typeof (current as Partial<SpokenFailure>).messageIn === 'function')
      return current as SpokenFailure;
    current = current.cause;
  }
  return undefined;
}

/** True when the failure may pass by itself (a shard or server down, slow or out of quota). */
export function isRetryable(cause: unknown): boolean {
  return spokenWithin(cause)?.retryable === true;
}

/** The technical detail a failure carries beside its sentence (a load error's, a query's), if any. */
function detailOf(cause: unknown): string | undefined {
  const detail = cause instanceof Error ? (cause as { detail?: unknown }).detail : undefined;
  return typeof detail === 'string' && detail !== '' ? detail : undefined;
}
