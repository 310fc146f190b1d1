import { afterEach, describe, it } from 'vitest';
import { page } from 'vitest/browser';
import '@stratex/widgets/define';
import { mount } from './helpers';

afterEach(() => document.body.replaceChildren());

const template = '/fixtures/template';

async function shot(name: string, attributes: Record<string, string>, width: number) {
  await page.viewport(Math.max(width + 40, 400), 1000);
  const element = await mount('sx-variance-alerts', attributes, (e) => {
    e.style.width = `${width}px`;
  });
  await element.sidesComplete;
  await element.updateComplete;
  await new Promise((resolve) => setTimeout(resolve, 150));
  await page.screenshot({ path: `.variance-alerts-shots/${name}.png`, element });
}

describe('how the alerts look', () => {
  it('zh-CN wide, light', () =>
    shot(
      'zh-wide',
      {
        src: `${template}/kpi_daily_2024q3.csv`,
        lang: 'zh-CN',
        'as-of': '2024-08-15',
        'budget-src': `${template}/budget.csv`,
      },
      900,
    ));
  it('en wide, dark', () =>
    shot(
      'en-dark-wide',
      {
        src: `${template}/kpi_daily_2024q3.en.csv`,
        lang: 'en',
        'as-of': '2024-08-15',
        theme: 'dark',
        'budget-src': `${template}/budget.en.csv`,
      },
      1100,
    ));
  it('zh-CN narrow, with tasks', () =>
    shot(
      'zh-narrow-tasks',
      {
        src: `${template}/kpi_daily_2024q3.csv`,
        lang: 'zh-CN',
        'as-of': '2024-06-25',
        'tasks-src': `${template}/progress.csv`,
      },
      360,
    ));
  it('zh-CN wall screen, tasks and budget', () =>
    shot(
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
    ));
  it('en narrow, dark', () =>
    shot(
      'en-dark-narrow',
      {
        src: `${template}/kpi_daily_2024q3.en.csv`,
        lang: 'en',
        'as-of': '2024-08-15',
        theme: 'dark',
        'max-alerts': '3',
      },
      360,
    ));
  it('the exported picture', async () => {
    await page.viewport(900, 800);
    const element = await mount('sx-variance-alerts', {
      src: `${template}/kpi_daily_2024q3.csv`,
      lang: 'zh-CN',
      'as-of': '2024-08-15',
      'budget-src': `${template}/budget.csv`,
    });
    await element.sidesComplete;
    const picture = new DOMParser().parseFromString(element.toSvg(), 'image/svg+xml');
    const svg = document.importNode(picture.documentElement, true);
    document.body.append(svg);
    await page.screenshot({ path: '.variance-alerts-shots/picture.png', element: svg });
  });
});
