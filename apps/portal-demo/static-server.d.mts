import type { Server } from 'node:http';

export function startStaticServer(
  root: string,
  port?: number,
  extraHeaders?: Readonly<Record<string, string>>,
): Promise<Server>;
