import { describe, expect, it } from 'vitest';
import { labelSubjects, notesLookup, readNotes } from '@stratex/core';

/** A notes export as a Chinese team writes it: Excel dates of both kinds, a path, blank rows. */
const notesCsv = [
  { 日期: '2024/7/18', 指标: '销售额', 维度: '', 作者: '王五', 内容: '7月大客户回款推迟到8月' },
  { 日期: '2024年8月12日', 指标: '销售额', 维度: '华东', 作者: '张三', 内容: '暴雨影响物流' },
  { 日期: '2024-08-12', 指标: '销售额', 维度: '', 作者: '李四', 内容: '重点客户签约' },
  { 日期: '', 指标: '', 维度: '', 作者: '', 内容: '' },
  { 日期: '昨天', 指标: '销售额', 维度: '', 作者: '', 内容: '日期写错了' },
  { 日期: '2024/8/1', 指标: '线索转化率', 维度: '', 作者: '赵六', 内容: '' },
  { 日期: '2024/8/2', 指标: '', 维度: '', 作者: '赵六', 内容: '没有指标' },
  { 日期: '', 指标: '直播线索', 维度: '', 作者: '赵六', 内容: '没有日期' },
  { 日期: '2024/8/20', 指标: '', 维度: '华东 / 上海', 作者: '', 内容: '上海新增经销商' },
];

describe('readNotes', () => {
  it('reads every usable row, latest first, and counts the rest with why', () => {
    const book = readNotes(notesCsv);
    expect(book.missing).toEqual([]);
    expect(book.notes.map((note) => [note.date, note.text])).toEqual([
      ['2024-08-20', '上海新增经销商'],
      // Of one day, the row written later first.
      ['2024-08-12', '重点客户签约'],
      ['2024-08-12', '暴雨影响物流'],
      ['2024-07-18', '7月大客户回款推迟到8月'],
    ]);
    expect(book.notes[0]?.path).toEqual(['华东', '上海']);
    expect(book.notes[3]).toEqual({
      date: '2024-07-18',
      metric: '销售额',
      path: [],
      author: '王五',
      text: '7月大客户回款推迟到8月',
      row: 1,
    });
    expect(book.bad).toEqual([
      { row: 5, reason: 'unreadable-date' },
      { row: 6, reason: 'no-text' },
      { row: 7, reason: 'no-subject' },
      { row: 8, reason: 'no-date' },
    ]);
  });

  it('reads English headers, and names the columns a table lacks', () => {
    const english = readNotes([
      { date: '2024-08-12', metric: 'revenue', author: 'Li Si', text: 'key account signed' },
    ]);
    expect(english.notes).toHaveLength(1);
    expect(english.notes[0]?.metric).toBe('revenue');
    expect(readNotes([{ 日期: '2024-08-12', 作者: '张三' }]).missing).toEqual(['text', 'metric']);
    expect(readNotes([], { headers: ['日期', '指标', '内容'] })).toMatchObject({
      notes: [],
      bad: [],
      missing: [],
    });
  });
});

describe('notesLookup', () => {
  const notesAbout = notesLookup(readNotes(notesCsv).notes);
  const texts = (found: readonly { text: string }[]): string[] => found.map((note) => note.text);

  it('gives a metric its own notes, not those of one of its regions', () => {
    expect(texts(notesAbout(labelSubjects('销售额')))).toEqual([
      '重点客户签约',
      '7月大客户回款推迟到8月',
    ]);
  });

  it('gives a dimension path the notes written for it, whatever their metric', () => {
    expect(texts(notesAbout([{ path: ['华东'] }]))).toEqual(['暴雨影响物流']);
    expect(texts(notesAbout([{ path: ['华东', '上海'] }]))).toEqual(['上海新增经销商']);
    expect(texts(notesAbout([{ metric: '线索转化率', path: ['华东'] }]))).toEqual([]);
    expect(notesAbout(labelSubjects('华南'))).toEqual([]);
    // A note two subjects of one figure both match is given once.
    expect(texts(notesAbout([{ path: ['华东'] }, { metric: '销售额', path: ['华东'] }]))).toEqual([
      '暴雨影响物流',
    ]);
  });

  it('matches names as people write them: width, case and spaces aside', () => {
    const english = notesLookup(
      readNotes([
        { date: '2024-08-12', metric: 'Revenue ', text: 'signed' },
        { date: '2024-08-13', path: 'ＥＡＳＴ', text: 'rain' },
      ]).notes,
    );
    expect(texts(english(labelSubjects('revenue')))).toEqual(['signed']);
    expect(texts(english([{ path: ['east'] }]))).toEqual(['rain']);
  });
});
