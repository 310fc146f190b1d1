import { afterEach, describe, expect, it } from 'vitest';
import '@stratex/widgets/define';
import { UnsafeQueryError } from '@stratex/data';
import { SX_DATA_ERROR } from '../src/base/events';
import { failureText } from '../src/base/failure-text';
import { mount, shadowText } from './helpers';

afterEach(() => document.body.replaceChildren());

const hostile = '/fixtures/hostile/files';
const chinese = /[\u4e00-\u9fff]/;

/** The sentence of a widget's error state (not its title, not the detail). */
const said = (element: Element): string => shadowText(element, '[data-state="error"] > span');

describe('a zh-CN widget whose file cannot be read says so in Chinese', () => {
  it('a web page served in place of the export', async () => {
    const scorecard = await mount('sx-scorecard', {
      src: `${hostile}/html-page.csv`,
      lang: 'zh-CN',
    });
    expect(shadowText(scorecard, '[data-state="error"] strong')).toBe('数据无法显示');
    expect(said(scorecard)).toBe(
      'html-page.csv 是网页（HTML），不是 CSV 导出文件：服务器可能返回了登录页或错误页。',
    );
  });

  it('a file of blank lines, and a GBK file declared as UTF-8', async () => {
    const blank = await mount('sx-scorecard', {
      src: `${hostile}/only-blank-lines.csv`,
      lang: 'zh-CN',
    });
    expect(said(blank)).toBe('only-blank-lines.csv 是空的：只有空行。');
    const gbk = await mount('sx-scorecard', {
      src: `${hostile}/gbk-claimed-utf8.csv`,
      encoding: 'utf-8',
      lang: 'zh-CN',
    });
    expect(said(gbk)).toContain('gbk-claimed-utf8.csv 标为 UTF-8 编码，但内容是 GBK');
    expect(shadowText(gbk, '[data-state="error"] small')).toMatch(/line \d+/);
  });

  it('a file the server does not have (404)', async () => {
    const messages: string[] = [];
    const listen = (event: Event): void =>
      void messages.push((event as CustomEvent<{ message: string }>).detail.message);
    document.addEventListener(SX_DATA_ERROR, listen);
    const scorecard = await mount('sx-scorecard', {
      src: '/fixtures/template/no-such-export.csv',
      lang: 'zh-CN',
    });
    document.removeEventListener(SX_DATA_ERROR, listen);
    expect(said(scorecard)).toMatch(chinese);
    expect(said(scorecard)).toContain('no-such-export.csv');
    expect(shadowText(scorecard, '[data-state="error"]')).toContain('404');
    expect(messages).toEqual([said(scorecard)]);
  });

  it('a file that is not the Parquet its source says it is', async () => {
    const source = document.createElement('sx-data-source');
    source.setAttribute('name', 'not_parquet');
    source.setAttribute('src', '/fixtures/template/evaluation.csv');
    source.setAttribute('format', 'parquet');
    document.body.append(source);
    const scorecard = await mount('sx-scorecard', { source: 'not_parquet', lang: 'zh-CN' });
    expect(said(scorecard)).toBe(
      'evaluation.csv 无法作为 Parquet 读取：它不是 Parquet 文件（开头和结尾缺少 PAR1 标记）。',
    );
  });

  it('a query the guard refuses, with the same words in English for an English reader', async () => {
    const zh = await mount('sx-scorecard', { query: 'DROP TABLE evaluation', lang: 'zh-CN' });
    expect(said(zh)).toBe('这里只接受 SELECT 查询；此查询以“DROP”开头。');
    const en = await mount('sx-scorecard', { query: 'DROP TABLE evaluation', lang: 'en' });
    expect(said(en)).toBe('Only a SELECT query is accepted here; this one starts with "DROP".');
  });
});

describe('an English widget', () => {
  it('keeps the words it showed before', async () => {
    const scorecard = await mount('sx-scorecard', { src: `${hostile}/html-page.csv`, lang: 'en' });
    expect(said(scorecard)).toBe(
      'html-page.csv is a web page (HTML), not a CSV export: the server probably sent a sign-in or error page instead.',
    );
  });
});

describe('failureText', () => {
  it('finds the coded failure a wrapping error carries as its cause', () => {
    const wrapped = new Error('the source failed', { cause: new UnsafeQueryError('guardEmpty') });
    expect(failureText(wrapped, 'zh-CN')).toEqual({ message: '查询是空的。' });
    expect(failureText(wrapped, 'en')).toEqual({ message: 'The query is empty.' });
  });

  it('gives a Chinese reader a Chinese sentence for words it has no code for, keeping them', () => {
    const engine = new Error('Binder Error: something technical');
    expect(failureText(engine, 'zh-CN')).toEqual({
      message: '查询引擎报告了一个错误。',
      detail: 'Binder Error: something technical',
    });
    expect(failureText(engine, 'en')).toEqual({ message: 'Binder Error: something technical' });
  });
});
