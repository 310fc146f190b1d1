import type { MessageCode, MessageParams } from '@stratex/core';
import { isMessageCode } from '@stratex/core';

/**
 * A failure named by its code in the message catalogue, with the values for its blanks, so
 * a widget says it in its reader's language. The error's `message` is the English text.
 */
export interface CodedFailure {
  readonly code: MessageCode;
  readonly params: MessageParams;
}

/** True when `cause` carries a catalogue code (a load error, a refused query, an unknown column). */
export function isCodedFailure(cause: unknown): cause is Error & CodedFailure {
  return cause instanceof Error && isMessageCode((cause as Partial<CodedFailure>).code);
}

/**
 * What went wrong, for widgets that say it in the reader's language: the server's answer
 * (`status`), no answer, a download cut short or too slow, a file too large for the page,
 * memory run out, a file damaged or cut short.
 */
export type Fault =
  | { kind: 'status'; status: number }
  | { kind: 'unreachable' }
  | { kind: 'broken-off' }
  | { kind: 'timed-out'; seconds: number }
  | { kind: 'too-large' }
  | { kind: 'out-of-memory' }
  | { kind: 'damaged' };

/** The failure's fault, when it carries one. */
export function faultOf(cause: unknown): Fault | undefined {
  return cause instanceof Error ? (cause as { fault?: Fault }).fault : undefined;
}

const outOfMemory =
  /out of memory|could not allocate|Cannot enlarge memory|Array buffer allocation failed/i;
/** A buffer larger than the browser can allocate or hand to the engine's worker. */
const beyondBrowser =
  /exceeds the supported range|Invalid array length|Invalid typed array length/i;
/** A decoder's or the database's words for a file it could not read to the end. */
const damaged = /truncated|Invalid Input Error|unexpected end/i;

/**
 * The fault that the database's or the browser's own words name (they speak only English,
 * and only here are they read): memory run out, a buffer beyond the browser, and — for a
 * file being read — damage.
 */
export function faultInWords(words: string, reading = false): Fault | undefined {
  if (outOfMemory.test(words)) return { kind: 'out-of-memory' };
  if (beyondBrowser.test(words)) return { kind: 'too-large' };
  if (reading && damaged.test(words)) return { kind: 'damaged' };
  return undefined;
}

/** A database's or browser's failure with the fault its words name; its message is theirs. */
export class EngineFault extends Error {
  constructor(
    readonly fault: Fault,
    cause: Error,
  ) {
    super(cause.message, { cause });
    this.name = 'EngineFault';
  }
}

/** The failure as it crosses to the widgets: with its fault named when its words name one. */
export function withFault(cause: unknown): unknown {
  if (!(cause instanceof Error) || faultOf(cause)) return cause;
  const fault = faultInWords(cause.message);
  return fault ? new EngineFault(fault, cause) : cause;
}
