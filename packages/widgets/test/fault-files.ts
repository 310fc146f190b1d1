import { expect } from 'vitest';

/** Where the fault server (data/test/browser/setup/fault-server.ts) serves the file `key`. */
export const faultFile = (key: string): string => `/__faults/file/${key}`;

/** Sets what the fault server sends next for `key`; `cut` breaks the connection half-way. */
export async function publish(key: string, body: BodyInit, cut = false): Promise<void> {
  const response = await fetch(faultFile(key), {
    method: 'PUT',
    body,
    headers: cut ? { 'x-fault': 'cut' } : {},
  });
  expect(response.status).toBe(204);
}
