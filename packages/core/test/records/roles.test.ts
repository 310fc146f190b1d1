import { describe, expect, it } from 'vitest';
import {
  EVALUATION_SCHEMA,
  KPI_SCHEMA,
  PROGRESS_SCHEMA,
  STRATEGY_SCHEMA,
  TARGET_SPLIT_SCHEMA,
  TARGETS_SCHEMA,
  findHeader,
  resolveColumns,
} from '@stratex/core';

describe('resolveColumns', () => {
  it('finds the template’s Chinese headers', () => {
    const headers = ['目标维度', '具体指标', '目标值', '完成时限', '责任人', '备注（关键动作）'];
    const resolution = resolveColumns(headers, TARGETS_SCHEMA);
    expect(resolution.columns).toEqual({
      dimension: '目标维度',
      metric: '具体指标',
      target: '目标值',
      deadline: '完成时限',
      owner: '责任人',
      key_actions: '备注（关键动作）',
    });
    expect(resolution.missing).toEqual([]);
    expect(resolution.guessed).toEqual([]);
  });

  it('ignores case, width, spaces, underscores and a byte-order mark', () => {
    const headers = [
      '\ufeffTASK',
      'Planned Start',
      'planned-end',
      'Ｐｒｏｇｒｅｓｓ',
      '实际进度(%/完成状态)',
    ];
    const resolution = resolveColumns(headers, PROGRESS_SCHEMA);
    expect(resolution.columns.task).toBe('\ufeffTASK');
    expect(resolution.columns.planned_start).toBe('Planned Start');
    expect(resolution.columns.planned_end).toBe('planned-end');
    expect(resolution.columns.progress).toBe('Ｐｒｏｇｒｅｓｓ');
    expect(resolution.missing).toEqual([]);
  });

  it('reports loose matches as guessed and absent required roles as missing', () => {
    const resolution = resolveColumns(['评估维度', '本期目标值', '备注'], EVALUATION_SCHEMA);
    expect(resolution.found).toEqual(['dimension']);
    expect(resolution.guessed).toEqual(['target']);
    expect(resolution.columns.target).toBe('本期目标值');
    expect(resolution.missing).toEqual(['actual']);
  });

  it('lets overrides win and reports overrides naming no header', () => {
    const resolution = resolveColumns(['目标值', 'Plan', '实际值', '维度'], EVALUATION_SCHEMA, {
      target: 'plan',
      suggestion: '建议列',
    });
    expect(resolution.columns.target).toBe('Plan');
    expect(resolution.found).toContain('target');
    expect(resolution.unknownOverrides).toEqual([{ role: 'suggestion', header: '建议列' }]);
    expect(resolution.missing).toEqual([]);
  });

  it('assigns each header to one role only', () => {
    const resolution = resolveColumns(['负责人'], STRATEGY_SCHEMA);
    expect(resolution.columns.owner).toBe('负责人');
    expect(resolution.missing).toEqual(['module', 'action']);
  });

  it('matches English snake_case headers', () => {
    const resolution = resolveColumns(['date', 'metric', 'actual', 'target', 'unit'], KPI_SCHEMA);
    expect(resolution.found).toEqual(['date', 'metric', 'actual', 'target', 'unit']);
  });
});

describe('findHeader', () => {
  // The columns a load gives a file headed `Region, REGION, region, 目标值`.
  const renamed = ['Region', 'REGION_2', 'region_3', '目标值'];

  it('takes the exact spelling first, then the column renamed from it, then any case', () => {
    expect(findHeader(renamed, 'Region')).toBe('Region');
    expect(findHeader(renamed, 'REGION')).toBe('REGION_2');
    expect(findHeader(renamed, 'region')).toBe('region_3');
    expect(findHeader(renamed, 'REGION_2')).toBe('REGION_2');
    expect(findHeader(renamed, 'RéGION')).toBeUndefined();
    expect(findHeader(['Region', 'Target'], 'REGION')).toBe('Region');
    expect(findHeader(['Region', 'Target'], ' region ')).toBe('Region');
    expect(findHeader(['Region', 'Region_2'], 'region')).toBe('Region');
  });

  it('lets an override name a case-only twin by its own spelling', () => {
    const headers = ['Target', 'TARGET_2', 'Actual'];
    const { columns } = resolveColumns(headers, TARGET_SPLIT_SCHEMA, { target: 'TARGET' });
    expect(columns.target).toBe('TARGET_2');
  });
});
