/** Event names, bubbling and composed, that pages listen for. */
export const SX_SELECT = 'sx-select';
export const SX_DATA_LOAD = 'sx-data-load';
export const SX_DATA_ERROR = 'sx-data-error';

export interface SxDataLoadDetail {
  source: string;
  rowCount: number;
  columns: string[];
}

export interface SxSelectDetail {
  source: string;
  /** Dimension column → chosen value; null when the selection was cleared. */
  selection: Readonly<Record<string, string>> | null;
}

export interface SxDataErrorDetail {
  source: string;
  message: string;
  detail?: string;
}

export function emit<T>(target: EventTarget, name: string, detail: T): void {
  target.dispatchEvent(new CustomEvent<T>(name, { detail, bubbles: true, composed: true }));
}
