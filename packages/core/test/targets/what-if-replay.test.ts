import { describe, expect, it } from 'vitest';
import {
  editsFromLink,
  editsOf,
  linkedEdits,
  replayEdits,
  rollupByLevels,
  startWhatIf,
  type TableRecord,
  targetChanges,
  tryEdit,
  type TargetEdit,
  type WhatIf,
} from '@stratex/core';

const rows: TableRecord[] = [
  { 区域: '华东', 产品线: '软件', 目标值: '100万元', 实际值: '90万' },
  { 区域: '华东', 产品线: '服务', 目标值: '50万元', 实际值: '60万' },
  { 区域: '华南', 产品线: '软件', 目标值: '200万元', 实际值: '150万' },
  { 区域: '华北', 产品线: '软件', 目标值: '130万元', 实际值: '120万' },
  { 区域: '华北', 产品线: '服务', 目标值: '20万元', 实际值: '25万' },
];
const columns = { levels: ['区域', '产品线'], target: '目标值', actual: '实际值' };
const whatIfOf = (table: TableRecord[], reserve?: { share: number }): WhatIf =>
  startWhatIf(rollupByLevels(table, columns).root, reserve);

function edited(whatIf: WhatIf, edits: readonly TargetEdit[]): WhatIf {
  return edits.reduce((current, edit) => {
    const outcome = tryEdit(current, edit);
    if (!outcome.ok) throw new Error(outcome.refusal.code);
    return outcome.whatIf;
  }, whatIf);
}

const edits: TargetEdit[] = [
  { path: ['华东'], target: 1_800_000, from: 'siblings' },
  { path: ['华北', '服务'], target: 300_000, from: 'total' },
];

describe('replaying what-if edits on new rows', () => {
  it('gives the same targets on the same rows, with nothing dropped or rebased', () => {
    const was = edited(whatIfOf(rows), edits);
    const replayed = replayEdits(whatIfOf(rows), editsOf(was), was);
    expect(replayed.dropped).toEqual([]);
    expect(replayed.rebased).toEqual([]);
    expect(targetChanges(replayed.whatIf)).toEqual(targetChanges(was));
  });

  it('sets aside an edit whose tile is gone, with its refusal, and keeps the others', () => {
    const was = edited(whatIfOf(rows), edits);
    const refreshed = rows.filter((row) => !(row.区域 === '华北' && row.产品线 === '服务'));
    const replayed = replayEdits(whatIfOf(refreshed), editsOf(was), was);
    expect(replayed.dropped).toEqual([
      {
        edit: edits[1],
        refusal: { code: 'whatIfUnknownTile', params: { tile: '华北 / 服务' } },
      },
    ]);
    expect(editsOf(replayed.whatIf)).toEqual([edits[0]]);
  });

  it('names an edited tile whose planned target the refresh changed, and keeps its edit', () => {
    const was = edited(whatIfOf(rows), edits);
    const refreshed = rows.map((row) =>
      row.区域 === '华东' && row.产品线 === '软件' ? { ...row, 目标值: '110万元' } : row,
    );
    const replayed = replayEdits(whatIfOf(refreshed), editsOf(was), was);
    expect(replayed.dropped).toEqual([]);
    expect(replayed.rebased).toEqual([{ path: ['华东'], before: 1_500_000, after: 1_600_000 }]);
    expect(targetChanges(replayed.whatIf).find((c) => c.path.join() === '华东')).toEqual({
      path: ['华东'],
      before: 1_600_000,
      after: 1_800_000,
    });
  });

  it('leaves out an edit the new reserve cannot hold', () => {
    const reserveEdit: TargetEdit = { path: ['华南'], target: 2_400_000, from: 'reserve' };
    const was = edited(whatIfOf(rows, { share: 0.1 }), [reserveEdit]);
    const replayed = replayEdits(whatIfOf(rows, { share: 0.05 }), editsOf(was), was);
    expect(replayed.dropped.map((d) => d.refusal.code)).toEqual(['whatIfReserveShort']);
    expect(editsOf(replayed.whatIf)).toEqual([]);
  });
});

describe('what-if edits in a link', () => {
  it('round-trips in a compact form', () => {
    const linked = linkedEdits(edits);
    expect(linked).toEqual([
      ['s', 1_800_000, '华东'],
      ['t', 300_000, '华北', '服务'],
    ]);
    expect(editsFromLink(JSON.parse(JSON.stringify(linked)))).toEqual(edits);
    expect(editsFromLink([])).toEqual([]);
  });

  it('refuses what is not a list of edits', () => {
    for (const value of [null, 'x', [['x', 1, 'a']], [['s', '1', 'a']], [['s', 1, 2]], [{}]]) {
      expect(editsFromLink(value)).toBeUndefined();
    }
  });
});
