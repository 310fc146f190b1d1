import type { BrowserCommand } from 'vitest/node';
import type { Page } from 'playwright';

/** Emulates the reader's `prefers-color-scheme` on the test page (`null` restores the default). */
export const emulateColourScheme = (async (
  { page }: { page: Page },
  scheme: 'light' | 'dark' | null,
) => {
  await page.emulateMedia({ colorScheme: scheme });
}) as BrowserCommand<['light' | 'dark' | null]> &
  ((context: { page: Page }, scheme: 'light' | 'dark' | null) => Promise<void>);

declare module 'vitest/browser' {
  interface BrowserCommands {
    emulateColourScheme: (scheme: 'light' | 'dark' | null) => Promise<void>;
  }
}
