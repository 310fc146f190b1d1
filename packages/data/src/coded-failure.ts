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
