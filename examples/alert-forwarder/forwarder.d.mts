import type {
  SxAlertClearedDetail,
  SxAlertDetail,
} from '../../packages/widgets/src/variance-alerts/alert-events';

export type AlertEvent =
  | { type: 'sx-alert'; detail: SxAlertDetail }
  | { type: 'sx-alert-cleared'; detail: SxAlertClearedDetail };

export function readEvent(value: unknown): AlertEvent | string;
export function webhookBody(
  event: AlertEvent,
  format?: 'json' | 'text',
): { event: string; alert: AlertEvent['detail'] } | { msgtype: 'text'; text: { content: string } };

export interface ForwarderOptions {
  webhook: string;
  port?: number;
  host?: string;
  format?: 'json' | 'text';
  attempts?: number;
  retryDelayMs?: number;
  timeoutMs?: number;
  allowOrigin?: string;
  log?: (line: string) => void;
}

export interface Forwarder {
  readonly url: string;
  idle(): Promise<void>;
  close(): Promise<void>;
}

export function startForwarder(options: ForwarderOptions): Promise<Forwarder>;
