import type { Lang } from '@stratex/core';
import { type CodedFailure, isCodedFailure, LoadError } from '@stratex/data';
import { message } from './lang';

/** A failure as a widget shows it: what happened in the reader's language, and the detail. */
export interface FailureText {
  message: string;
  detail?: string;
}

/**
 * Says a failure in the reader's language. A failure from the data package that carries a
 * catalogue code (or wraps one that does, as its `cause`) is said from the catalogue, its
 * detail kept. Any other failure is shown in
 * its own words to an English reader; a Chinese reader gets a Chinese sentence (naming the
 * file when it was a load) with those words kept as the detail.
 */
export function failureText(cause: unknown, lang: Lang): FailureText {
  const spoken = spokenWithin(cause);
  if (spoken) {
    const detail = detailOf(spoken);
    const said = spoken.messageIn(lang);
    return detail && !said.includes(detail) ? { message: said, detail } : { message: said };
  }
  const coded = codedWithin(cause);
  if (coded) {
    const said = message(lang, coded.code, coded.params);
    const detail = detailOf(coded) ?? detailOf(cause);
    return detail ? { message: said, detail } : { message: said };
  }
  const detail = detailOf(cause);
  const original = cause instanceof Error ? cause.message : String(cause);
  if (lang === 'en') return detail ? { message: original, detail } : { message: original };
  const said =
    cause instanceof LoadError && cause.file
      ? message(lang, 'loadFailed', { file: cause.file })
      : message(lang, 'failedUnexplained');
  return { message: said, detail: detail ? `${original} (${detail})` : original };
}

/** The failure itself when it carries a code, else the first coded one among the causes it wraps. */
function codedWithin(cause: unknown): (Error & CodedFailure) | undefined {
  let current = cause;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    if (isCodedFailure(current)) return current;
    current = current.cause;
  }
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
