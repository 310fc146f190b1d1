import type { BrowserCommand } from 'vitest/node';
import type { Frame, Page } from 'playwright';

interface AxNode {
  role?: { value?: unknown };
  name?: { value?: unknown };
  ignored?: boolean;
}

/**
 * The row headers of every table as Chromium's accessibility tree gives them to a screen
 * reader (not as the DOM or CSS says): the test page's frame, read over the DevTools protocol.
 */
export const accessibleRowHeaders = (async ({
  page,
  frame,
}: {
  page: Page;
  frame(): Promise<Frame>;
}) => {
  const url = (await frame()).url();
  const session = await page.context().newCDPSession(page);
  try {
    const { frameTree } = (await session.send('Page.getFrameTree')) as {
      frameTree: FrameTree;
    };
    const frameId = findFrame(frameTree, url);
    const { nodes } = (await session.send('Accessibility.getFullAXTree', {
      ...(frameId ? { frameId } : {}),
    })) as { nodes: AxNode[] };
    return nodes
      .filter((node) => !node.ignored && node.role?.value === 'rowheader')
      .map((node) => String(node.name?.value ?? ''));
  } finally {
    await session.detach();
  }
}) as BrowserCommand<[]> &
  ((context: { page: Page; frame(): Promise<Frame> }) => Promise<string[]>);

interface FrameTree {
  frame: { id: string; url: string };
  childFrames?: FrameTree[];
}

function findFrame(tree: FrameTree, url: string): string | undefined {
  if (tree.frame.url === url) return tree.frame.id;
  for (const child of tree.childFrames ?? []) {
    const found = findFrame(child, url);
    if (found) return found;
  }
  return undefined;
}

declare module 'vitest/browser' {
  interface BrowserCommands {
    accessibleRowHeaders: () => Promise<string[]>;
  }
}
