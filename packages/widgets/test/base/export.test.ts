import { afterEach, describe, expect, it, vi } from 'vitest';
import '@stratex/widgets/define';
import type { SxTargetTreemap } from '../../src/target-treemap/target-treemap';
import { mount } from '../helpers';

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

const regions = '/fixtures/template/region_targets.csv';

async function drawnTreemap(theme = 'light'): Promise<SxTargetTreemap> {
  const element = await mount(
    'sx-target-treemap',
    { src: regions, levels: '区域,产品线,客户类型', lang: 'zh-CN', exportable: '', theme },
    (el) => (el.style.width = '640px'),
  );
  for (let i = 0; i < 30 && !element.shadowRoot?.querySelector('g.tile'); i++) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await element.updateComplete;
  }
  return element;
}

/** Files the widget offers for download, caught before the browser saves them. */
function catchDownloads(): { name: string; blob: Blob }[] {
  const files: { name: string; blob: Blob }[] = [];
  const blobs = new Map<string, Blob>();
  const createObjectURL = URL.createObjectURL.bind(URL);
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob: Blob | MediaSource) => {
    const url = createObjectURL(blob);
    if (blob instanceof Blob) blobs.set(url, blob);
    return url;
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    const blob = blobs.get(this.href);
    if (blob) files.push({ name: this.download, blob });
  });
  return files;
}

describe('the target treemap exports its map', () => {
  it('as SVG with every tile drawn on screen, in its colours and words', async () => {
    const element = await drawnTreemap();
    const onScreen = Array.from(element.shadowRoot?.querySelectorAll('g.tile rect.frame') ?? []);
    expect(onScreen.length).toBeGreaterThan(1);

    const exported = new DOMParser().parseFromString(element.toSvg(), 'image/svg+xml');
    expect(exported.documentElement.localName).toBe('svg');
    const frames = Array.from(exported.querySelectorAll('g.tile rect.frame'));
    expect(frames).toHaveLength(onScreen.length);
    expect(frames.map((frame) => frame.getAttribute('fill'))).toEqual(
      onScreen.map((frame) => getComputedStyle(frame).fill),
    );
    const names = Array.from(exported.querySelectorAll('text.name'), (text) => text.textContent);
    expect(names).toContain('华东');
  });

  it('over the background it is seen on, light or dark', async () => {
    for (const theme of ['light', 'dark']) {
      const element = await drawnTreemap(theme);
      const exported = new DOMParser().parseFromString(element.toSvg(), 'image/svg+xml');
      const backdrop = exported.documentElement.firstElementChild;
      expect(backdrop?.getAttribute('class')).toBe('backdrop');
      expect(backdrop?.getAttribute('fill')).toBe(getComputedStyle(element).backgroundColor);
      const name = exported.querySelector('text.name')?.getAttribute('fill');
      expect(name).not.toBe(backdrop?.getAttribute('fill'));
      element.remove();
    }
  });

  it('as PNG and CSV through its toolbar', async () => {
    const element = await drawnTreemap();
    const files = catchDownloads();
    const buttons = Array.from(
      element.shadowRoot?.querySelectorAll<HTMLButtonElement>('[part~="export-button"]') ?? [],
    );
    expect(buttons.map((button) => button.textContent?.trim())).toEqual(['CSV', 'SVG', 'PNG']);
    buttons[0]?.click();
    buttons[1]?.click();
    await element.exportPng();
    expect(files.map((file) => file.name)).toEqual([
      'target-treemap.csv',
      'target-treemap.svg',
      'target-treemap.png',
    ]);
    const [csv, svg, png] = files;
    expect(await csv?.blob.text()).toContain('华东');
    expect(await svg?.blob.text()).toContain('class="tile"');

    const map = element.shadowRoot?.querySelector('svg[part~="map"]') as SVGSVGElement;
    const picture = await createImageBitmap(png?.blob as Blob);
    expect(picture.width).toBe(Math.round(map.getBoundingClientRect().width) * 2);
    const canvas = document.createElement('canvas');
    canvas.width = picture.width;
    canvas.height = picture.height;
    const context = canvas.getContext('2d') as CanvasRenderingContext2D;
    context.drawImage(picture, 0, 0);
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
    const colours = new Set<string>();
    for (let i = 0; i < pixels.length; i += 4 * 97) {
      if ((pixels[i + 3] ?? 0) > 0) colours.add(`${pixels[i]},${pixels[i + 1]},${pixels[i + 2]}`);
    }
    expect(colours.size).toBeGreaterThan(3);
  });

  it('does not offer a picture still being drawn once the widget has left the page', async () => {
    const element = await drawnTreemap();
    const files = catchDownloads();
    const saving = element.exportPng();
    element.remove();
    await saving;
    expect(files).toEqual([]);
  });
});
