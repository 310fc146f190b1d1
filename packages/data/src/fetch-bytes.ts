import { type MessageCode, type MessageParams, messageText } from '@stratex/core';
import { type Fault, faultInWords } from './coded-failure';

/** Progress of a load, for a progress bar: bytes read so far, and the total when the server said it. */
export interface LoadProgress {
  phase: 'fetch' | 'decode' | 'load';
  bytesRead: number;
  totalBytes: number | undefined;
  /** Rows in the table so far, for loads that insert in batches (Parquet row groups). */
  rowsLoaded?: number;
  totalRows?: number;
}

export type ProgressListener = (progress: LoadProgress) => void;

/** What went wrong with a load (see `Fault`). */
export type LoadFault = Fault;

/** A load that failed, in words a business user understands. */
export class LoadError extends Error {
  /** Its code in the message catalogue, when it was raised by one (see `loadError`). */
  code: MessageCode | undefined;
  /** The values for the blanks of its catalogue message. */
  params: MessageParams = {};

  /** What went wrong, when it is known: given, or named by the words of what failed. */
  readonly fault: LoadFault | undefined;

  constructor(
    message: string,
    readonly file: string,
    readonly detail?: string,
    fault?: LoadFault,
  ) {
    super(message);
    this.name = 'LoadError';
    this.fault = fault ?? faultInWords(`${message} ${detail ?? ''}`, true);
  }
}

/** A load failure by its catalogue code; its `message` is the English text, `detail` stays as given. */
export function loadError(
  code: MessageCode,
  params: MessageParams & { file: string },
  detail?: string,
  fault?: LoadFault,
): LoadError {
  const error = new LoadError(messageText('en', code, params), params.file, detail, fault);
  error.code = code;
  error.params = params;
  return error;
}

/** The last part of a URL's path, which is how people recognise their file. */
export function fileLabel(url: string): string {
  const path = url.split(/[?#]/, 1)[0] ?? url;
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || url;
}
