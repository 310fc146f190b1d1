import { render } from 'lit';
import { expect, it } from 'vitest';
import type { LoadProgress } from '@stratex/data';
import { loadingState } from '../../src/base/data-states';

const bar = (progress: LoadProgress): HTMLProgressElement => {
  const host = document.createElement('div');
  render(loadingState(progress, 'en'), host);
  return host.querySelector('progress')!;
};

it("fills the bar as a download comes, then as a workbook's sheet is read row by row", () => {
  expect(bar({ phase: 'fetch', bytesRead: 30, totalBytes: 120 }).value).toBe(0.25);
  const sheet = bar({ phase: 'decode', bytesRead: 60, totalBytes: 80, rowsLoaded: 7_500 });
  expect(sheet.value).toBe(0.75);
});

it('leaves the bar moving without a figure where the share read is not known', () => {
  expect(bar({ phase: 'decode', bytesRead: 60, totalBytes: 80 }).hasAttribute('value')).toBe(false);
  const sizeUnknown = bar({
    phase: 'decode',
    bytesRead: 60,
    totalBytes: undefined,
    rowsLoaded: 10,
  });
  expect(sizeUnknown.hasAttribute('value')).toBe(false);
});
