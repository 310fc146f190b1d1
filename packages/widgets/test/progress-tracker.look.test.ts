import { afterEach, describe, it } from 'vitest';
import { page } from 'vitest/browser';
import '@stratex/widgets/define';
import { pageSelection } from '../src/base/selection';
import { mount } from './helpers';

afterEach(() => {
  for (const key of ['', '/fixtures/template/progress.csv', '/fixtures/template/progress.en.csv'])
    pageSelection().toggle(key, null, null);
  document.body.replaceChildren();
});

const year = [
  ['市场调研与竞品分析', '张三', '2025-01-06', '2025-02-28', '100%（报告已提交）'],
  ['提炼三大核心卖点', '产品经理', '2025-02-10', '2025-03-31', '100%'],
  ['签约三家区域经销商', '渠道经理', '2025-03-01', '2025-07-30', '45%（已签1家）'],
  ['五场行业直播', '赵六', '2025-06-01', '2025-08-31', '40%（已办2场）'],
  ['华东区客户拜访', '李四', '2025-04-01', '2025-09-30', '50%（已拜访60家）'],
  ['经销商培训', '王五', '2025-08-01', '2025-10-31', '未开始'],
  ['年度展会', '市场部', '2025-10-15', '2025-11-15', '未开始'],
  ['年度复盘与下年目标', '张三', '2025-12-01', '2025-12-31', '未开始'],
].map(([t, o, s, e, p]) => ({ 任务名称: t, 负责人: o, 计划开始时间: s, 计划结束时间: e, '实际进度（%/完成状态）': p }));

async function shot(name: string, attrs: Record<string, string>, width: number, open = 0, setup?: (e: HTMLElement & { data?: unknown }) => void) {
  await page.viewport(Math.max(width + 40, 400), 1000);
  const el = await mount('sx-progress-tracker', attrs, (e) => { e.style.width = `${width}px`; setup?.(e); });
  await new Promise((r) => setTimeout(r, 300));
  if (open >= 0) (el.shadowRoot?.querySelectorAll('.head')[open] as HTMLElement | undefined)?.click();
  await el.updateComplete;
  await new Promise((r) => setTimeout(r, 100));
  await page.screenshot({ path: `.shots/${name}.png`, element: el });
}

describe('look', () => {
  it('zh wide', async () => {
    await shot('pt-zh-wide', { src: '/fixtures/template/progress.csv', lang: 'zh-CN', 'as-of': '2024-06-25' }, 860, 1);
  });
  it('zh dark wide', async () => {
    await shot('pt-zh-dark', { src: '/fixtures/template/progress.csv', lang: 'zh-CN', 'as-of': '2024-06-25', theme: 'dark' }, 860, 2);
  });
  it('en narrow', async () => {
    await shot('pt-en-narrow', { src: '/fixtures/template/progress.en.csv', lang: 'en', 'as-of': '2024-06-25' }, 360, 1);
  });
  it('en wide', async () => {
    await shot('pt-en-wide', { src: '/fixtures/template/progress.en.csv', lang: 'en', 'as-of': '2024-06-18' }, 1280, -1);
  });
  it('year zh', async () => {
    await shot('pt-year-zh', { lang: 'zh-CN', 'as-of': '2025-07-15', sort: 'lag' }, 960, -1, (e) => { e.data = year; });
  });
  it('year zh narrow dark', async () => {
    await shot('pt-year-narrow-dark', { lang: 'zh-CN', 'as-of': '2025-07-15', theme: 'dark' }, 360, -1, (e) => { e.data = year; });
  });
  it('mid width', async () => {
    await shot('pt-en-600', { src: '/fixtures/template/progress.en.csv', lang: 'en', 'as-of': '2024-06-25' }, 600, -1);
  });
});
