import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import '@stratex/widgets/define';
import { mount, shadowText } from '../helpers';

afterEach(() => document.body.replaceChildren());

const template = '/fixtures/template';
/**
 * Pictures for a person to look at, saved only when asked (`VITE_LOOK_SHOTS=1 npx vitest run
 * …`) into `.look-shots/` at the top of the repository, which git ignores; the browser may
 * write only inside the project. Otherwise they are taken and written nowhere. The
 * assertions are below.
 */
const shotsFolder = import.meta.env.VITE_LOOK_SHOTS
  ? '../../../../.look-shots/variance-alerts'
  : '';

/** Takes a picture of `element`, saved as `name`.png when pictures were asked for. */
async function lookAt(name: string, element: Element): Promise<void> {
  if (shotsFolder) await page.screenshot({ path: `${shotsFolder}/${name}.png`, element });
  else await page.screenshot({ save: false, element });
}

type Alerts = HTMLElementTagNameMap['sx-variance-alerts'];

async function show(
  name: string,
  attributes: Record<string, string>,
  width: number,
): Promise<Alerts> {
  await page.viewport(Math.max(width + 40, 400), 1000);
  const element = await mount('sx-variance-alerts', attributes, (e) => {
    e.style.width = `${width}px`;
  });
  await element.sidesComplete;
  await element.updateComplete;
  await document.fonts.ready;
  await lookAt(name, element);
  return element;
}

const inside = (inner: DOMRect, outer: DOMRect): boolean =>
  inner.left >= outer.left - 0.5 && inner.right <= outer.right + 0.5;

/**
 * What does not fit: a box whose text runs past its own edge, or that reaches outside the
 * element. Each entry names the box and its text, so a failure says what to look at.
 */
function overflows(element: Alerts): string[] {
  const root = element.shadowRoot;
  if (!root) return ['no shadow root'];
  const frame = element.getBoundingClientRect();
  const boxes = root.querySelectorAll<HTMLElement>(
    'header, h2, .as-of, [part="summary"], [part~="alert"], .badge, .subject, .reason, .trend, .figure, .more',
  );
  const problems: string[] = [];
  for (const box of boxes) {
    const rect = box.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) continue;
    const label = `${box.className || box.getAttribute('part') || box.tagName}: ${box.textContent?.replace(/\s+/g, ' ').trim().slice(0, 40)}`;
    if (box.scrollWidth > box.clientWidth + 1) problems.push(`${label} overflows its box`);
    if (!inside(rect, frame)) problems.push(`${label} reaches outside the element`);
  }
  const table = root.querySelector<HTMLElement>('[part="data-table"]');
  if (table && element.hasAttribute('show-table')) {
    if (!inside(table.getBoundingClientRect(), frame)) problems.push('the data table is too wide');
  }
  if (element.scrollWidth > element.clientWidth + 1) problems.push('the element scrolls sideways');
  return problems;
}

const alertCards = (element: Alerts): HTMLElement[] =>
  Array.from(element.shadowRoot?.querySelectorAll<HTMLElement>('[part~="alert"]') ?? []);
const badges = (element: Alerts): string[] =>
  alertCards(element).map((card) => shadowTextOf(card.querySelector('.badge')));
const shadowTextOf = (node: Element | null): string =>
  node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Relative luminance of a computed `rgb(…)` colour, 0 (black) to 1 (white). */
function luminance(colour: string): number {
  const [r = 0, g = 0, b = 0] = (colour.match(/[\d.]+/g) ?? []).map(Number);
  const linear = (channel: number): number => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

const inkOf = (element: Alerts, selector: string): number => {
  const node = element.shadowRoot?.querySelector(selector);
  return node ? luminance(getComputedStyle(node).color) : Number.NaN;
};

/** Where each part of a card sits: true when badge, text and figure share one row, left to right. */
function oneRow(card: HTMLElement): boolean {
  const [badge, main, figure] = ['.badge', '.main', '.figure'].map((selector) =>
    card.querySelector(selector)?.getBoundingClientRect(),
  );
  if (!badge || !main || !figure) return false;
  return badge.right <= main.left && main.right <= figure.left && figure.top < badge.bottom;
}

describe('how the alerts look', () => {
  it('zh-CN wide, light: five alerts on one row each, nothing cut', async () => {
    const element = await show(
      'zh-wide',
      {
        src: `${template}/kpi_daily_2024q3.csv`,
        lang: 'zh-CN',
        'as-of': '2024-08-15',
        'budget-src': `${template}/budget.csv`,
      },
      900,
    );
    expect(overflows(element)).toEqual([]);
    expect(shadowText(element, 'h2')).toBe('偏差预警');
    expect(shadowText(element, '[part="summary"]')).toBe('1 项严重，3 项预警');
    expect(shadowText(element, '.as-of')).toBe('截至 2024年8月15日 · 时间进度 50%');
    expect(badges(element)).toEqual(['✕ 严重', '! 预警', '! 预警', '! 预警', '✓ 正常']);
    expect(alertCards(element).map(oneRow)).toEqual([true, true, true, true, true]);
    expect(inkOf(element, 'h2'), 'dark ink on light').toBeLessThan(0.2);
  });

  it('en wide, dark: light ink on dark, English words', async () => {
    const element = await show(
      'en-dark-wide',
      {
        src: `${template}/kpi_daily_2024q3.en.csv`,
        lang: 'en',
        'as-of': '2024-08-15',
        theme: 'dark',
        'budget-src': `${template}/budget.en.csv`,
      },
      1100,
    );
    expect(overflows(element)).toEqual([]);
    expect(shadowText(element, 'h2')).toBe('Variance alerts');
    expect(shadowText(element, '[part="summary"]')).toBe('1 critical, 3 warnings');
    expect(shadowText(element, '.as-of')).toBe('As of Aug 15, 2024 · time elapsed 50%');
    expect(badges(element)).toEqual([
      '✕ critical',
      '! warning',
      '! warning',
      '! warning',
      '✓ on track',
    ]);
    expect(alertCards(element).map(oneRow)).toEqual([true, true, true, true, true]);
    expect(inkOf(element, 'h2'), 'light ink on dark').toBeGreaterThan(0.6);
  });

  it('zh-CN narrow, with tasks: cards stack, nothing runs out of 360 px', async () => {
    const element = await show(
      'zh-narrow-tasks',
      {
        src: `${template}/kpi_daily_2024q3.csv`,
        lang: 'zh-CN',
        'as-of': '2024-06-25',
        'tasks-src': `${template}/progress.csv`,
      },
      360,
    );
    expect(overflows(element)).toEqual([]);
    expect(shadowText(element, '[part="summary"]')).toBe('1 项严重，1 项预警');
    const cards = alertCards(element);
    expect(cards.map((card) => card.dataset.kind)).toEqual([
      'task',
      'task',
      'kpi',
      'kpi',
      'kpi',
      'kpi',
    ]);
    expect(badges(element).slice(0, 2)).toEqual(['✕ 严重', '! 预警']);
    expect(cards.some(oneRow), 'at 360 px the text goes under the badge').toBe(false);
  });

  it('zh-CN wall screen, tasks and budget: the table is shown and fits', async () => {
    const element = await show(
      'zh-wall',
      {
        src: `${template}/kpi_daily_2024q3.csv`,
        lang: 'zh-CN',
        'as-of': '2024-08-15',
        'tasks-src': `${template}/progress.csv`,
        'budget-src': `${template}/budget.csv`,
        'show-table': '',
      },
      1600,
    );
    expect(overflows(element)).toEqual([]);
    expect(shadowText(element, '[part="summary"]')).toBe('3 项严重，3 项预警');
    expect(alertCards(element).map((card) => card.dataset.kind)).toEqual([
      'kpi',
      'task',
      'task',
      'kpi',
      'kpi',
      'budget',
      'kpi',
    ]);
    const table = element.shadowRoot?.querySelector('[part="data-table"]');
    expect(table?.getBoundingClientRect().width, 'the table is shown').toBeGreaterThan(600);
    expect(table?.querySelectorAll('tbody tr')).toHaveLength(7);
  });

  it('en narrow, dark, three at most: the rest behind a button that fits', async () => {
    const element = await show(
      'en-dark-narrow',
      {
        src: `${template}/kpi_daily_2024q3.en.csv`,
        lang: 'en',
        'as-of': '2024-08-15',
        theme: 'dark',
        'max-alerts': '3',
      },
      360,
    );
    expect(overflows(element)).toEqual([]);
    expect(shadowText(element, '[part="summary"]')).toBe('1 critical, 2 warnings');
    expect(badges(element)).toEqual(['✕ critical', '! warning', '! warning']);
    expect(shadowText(element, '.more')).toBe('Show all (4)');
    expect(inkOf(element, 'h2'), 'light ink on dark').toBeGreaterThan(0.6);
  });

  it('the exported picture: every label inside the picture, none over the next column', async () => {
    await page.viewport(900, 800);
    const element = await mount('sx-variance-alerts', {
      src: `${template}/kpi_daily_2024q3.csv`,
      lang: 'zh-CN',
      'as-of': '2024-08-15',
      'budget-src': `${template}/budget.csv`,
    });
    await element.sidesComplete;
    const picture = new DOMParser().parseFromString(element.toSvg(), 'image/svg+xml');
    const svg = document.importNode(picture.documentElement, true) as unknown as SVGSVGElement;
    document.body.append(svg);
    await document.fonts.ready;
    await lookAt('picture', svg);
    const width = Number(svg.getAttribute('width'));
    const labels = Array.from(svg.querySelectorAll('text'), (text) => {
      const box = text.getBBox();
      return {
        text: text.textContent ?? '',
        x: text.getAttribute('x'),
        left: box.x,
        right: box.x + box.width,
      };
    });
    expect(labels.map((label) => label.text).slice(0, 2)).toEqual([
      '偏差预警',
      '1 项严重，3 项预警',
    ]);
    expect(labels.filter((label) => label.left < 0 || label.right > width)).toEqual([]);
    // Subjects and reasons start at 120 and must end before the trend drawn at 560–670;
    // figures are right-aligned at the edge and must start after it.
    const text = labels.filter((label) => label.x === '120');
    const figures = labels.filter((label) => label.x === String(width - 16));
    expect(text).toHaveLength(10);
    expect(text.filter((label) => label.right > 556)).toEqual([]);
    expect(figures.map((label) => label.text)).toEqual([
      '73.3%',
      '93.3%',
      '96.8%',
      '93%',
      '104.8%',
    ]);
    expect(figures.filter((label) => label.left < 674)).toEqual([]);
  });
});
