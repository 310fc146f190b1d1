import { afterEach, describe, expect, it } from 'vitest';
import axe from 'axe-core';
import { commands } from 'vitest/browser';
import '@stratex/widgets/define';
import { resolveTheme } from '../../src/base/theme';
import { mount } from '../helpers';
import '../setup/colour-scheme-commands';

const template = '/fixtures/template';
const LIGHT_BACKGROUND = 'rgb(255, 255, 255)';
const DARK_BACKGROUND = 'rgb(21, 26, 35)';

afterEach(async () => {
  await commands.emulateColourScheme(null);
  document.body.replaceChildren();
  delete document.documentElement.dataset.sxTheme;
  delete document.body.dataset.sxTheme;
  for (const name of ['far-behind', 'behind', 'on-plan', 'ahead', 'far-ahead']) {
    document.body.style.removeProperty(`--sx-achievement-${name}`);
  }
});

const background = (element: Element): string => getComputedStyle(element).backgroundColor;

async function redrawn(element: HTMLElement & { updateComplete: Promise<unknown> }): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await element.updateComplete;
}

/** Waits (frame by frame, at most a hundred) until the condition holds. */
async function frames(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

describe('the theme a widget is drawn in', () => {
  it('is its own attribute, else the nearest data-sx-theme across shadow roots, else the preference', () => {
    const outer = document.createElement('div');
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'open' });
    const inner = document.createElement('span');
    shadow.append(inner);
    outer.append(host);
    document.body.append(outer);
    expect(resolveTheme(inner, false)).toBe('light');
    expect(resolveTheme(inner, true)).toBe('dark');
    outer.dataset.sxTheme = 'dark';
    expect(resolveTheme(inner, false)).toBe('dark');
    outer.dataset.sxTheme = 'light';
    expect(resolveTheme(inner, true)).toBe('light');
    inner.setAttribute('theme', 'dark');
    expect(resolveTheme(inner, false)).toBe('dark');
    inner.setAttribute('theme', 'light');
    outer.dataset.sxTheme = 'dark';
    expect(resolveTheme(inner, true)).toBe('light');
    outer.dataset.sxTheme = 'sepia';
    inner.removeAttribute('theme');
    expect(resolveTheme(inner, true)).toBe('dark');
  });

  it("follows the reader's colour-scheme preference while nothing else decides", async () => {
    await commands.emulateColourScheme('light');
    const scorecard = await mount('sx-scorecard', { src: `${template}/evaluation.csv` });
    expect(background(scorecard)).toBe(LIGHT_BACKGROUND);
    const light = await axe.run(scorecard, { rules: { region: { enabled: false } } });
    expect(light.violations.map((v) => v.id)).toEqual([]);
    await commands.emulateColourScheme('dark');
    await frames(() => background(scorecard) === DARK_BACKGROUND);
    expect(background(scorecard)).toBe(DARK_BACKGROUND);
    const results = await axe.run(scorecard, { rules: { region: { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);
    scorecard.setAttribute('theme', 'light');
    await redrawn(scorecard);
    expect(background(scorecard)).toBe(LIGHT_BACKGROUND);
  });

  it('follows data-sx-theme on the page, and theme="light" overrides it', async () => {
    const prefersDark = matchMedia('(prefers-color-scheme: dark)').matches;
    const scorecard = await mount('sx-scorecard', { src: `${template}/evaluation.csv` });
    expect(background(scorecard)).toBe(prefersDark ? DARK_BACKGROUND : LIGHT_BACKGROUND);

    document.documentElement.dataset.sxTheme = 'dark';
    await redrawn(scorecard);
    expect(background(scorecard)).toBe(DARK_BACKGROUND);
    expect(getComputedStyle(scorecard).color).toBe('rgb(232, 236, 243)');

    document.body.dataset.sxTheme = 'light';
    await redrawn(scorecard);
    expect(background(scorecard)).toBe(LIGHT_BACKGROUND);

    delete document.body.dataset.sxTheme;
    scorecard.setAttribute('theme', 'light');
    await redrawn(scorecard);
    expect(background(scorecard)).toBe(LIGHT_BACKGROUND);

    scorecard.removeAttribute('theme');
    await redrawn(scorecard);
    expect(background(scorecard)).toBe(DARK_BACKGROUND);
  });

  it('colours the tiles from the achievement tokens set on an ancestor', async () => {
    const before = await mount('sx-target-treemap', {
      src: `${template}/region_targets.csv`,
      levels: '区域,产品线,客户类型',
      lang: 'zh-CN',
    });
    const fills = (element: Element): string[] =>
      Array.from(
        element.shadowRoot?.querySelectorAll('[part~="tile"] rect.frame') ?? [],
        (rect) => rect.getAttribute('fill') ?? '',
      );
    expect(fills(before).length).toBeGreaterThan(0);
    expect(fills(before)).not.toContain('rgb(18, 52, 86)');
    before.remove();

    for (const name of ['far-behind', 'behind', 'on-plan', 'ahead', 'far-ahead']) {
      document.body.style.setProperty(`--sx-achievement-${name}`, '#123456');
    }
    const after = await mount('sx-target-treemap', {
      src: `${template}/region_targets.csv`,
      levels: '区域,产品线,客户类型',
      lang: 'zh-CN',
    });
    expect(fills(after).length).toBeGreaterThan(0);
    for (const fill of fills(after)) expect(fill).toBe('rgb(18, 52, 86)');
    const stops = after.shadowRoot?.querySelectorAll('[part="legend"] stop') ?? [];
    expect(Array.from(stops, (stop) => stop.getAttribute('stop-color'))).toEqual(
      Array(5).fill('#123456'),
    );
  });

  it('passes axe on the treemap in the dark theme set on the page', async () => {
    document.documentElement.dataset.sxTheme = 'dark';
    const element = await mount('sx-target-treemap', {
      src: `${template}/region_targets.csv`,
      levels: '区域,产品线,客户类型',
      lang: 'zh-CN',
    });
    expect(background(element)).toBe(DARK_BACKGROUND);
    const results = await axe.run(element, { rules: { region: { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });
});

describe('the loading, empty and error states', () => {
  it('are parts a page can style', async () => {
    const loading = document.createElement('sx-scorecard');
    loading.setAttribute('src', `${template}/evaluation.csv`);
    document.body.append(loading);
    await loading.updateComplete;
    expect(loading.shadowRoot?.querySelector('[part="loading"]')).not.toBeNull();

    const empty = await mount('sx-scorecard', { lang: 'en' }, (element) => {
      element.data = [];
    });
    expect(empty.shadowRoot?.querySelector('[part="empty"]')).not.toBeNull();

    const broken = await mount('sx-scorecard', { src: `${template}/missing-export.csv` });
    expect(broken.shadowRoot?.querySelector('[part="error"]')?.textContent ?? '').toContain(
      'missing-export.csv',
    );
  });
});
