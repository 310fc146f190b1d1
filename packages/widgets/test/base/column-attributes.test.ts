import { describe, expect, it } from 'vitest';
import {
  type ColumnAttributes,
  columnOverrides,
  columnProperties,
} from '../../src/base/column-attributes';

describe('the *-column attributes, said once', () => {
  const tasks: ColumnAttributes = {
    task: ['taskColumn'],
    planned_start: ['startColumn'],
  };
  const figures: ColumnAttributes = { target: ['target', 'targetColumn'] };

  it('declares a string property per attribute, named in kebab case', () => {
    expect(columnProperties(tasks)).toEqual({
      taskColumn: { type: String, attribute: 'task-column' },
      startColumn: { type: String, attribute: 'start-column' },
    });
    expect(Object.keys(columnProperties(figures))).toEqual(['target', 'targetColumn']);
    expect(columnProperties(figures).target?.attribute).toBe('target');
  });

  it('reads the roles whose column is named, and only those', () => {
    expect(columnOverrides({ taskColumn: '任务', startColumn: undefined }, tasks)).toEqual({
      task: '任务',
    });
    expect(columnOverrides({ taskColumn: '' }, tasks)).toEqual({});
  });

  it('takes the first attribute given when two name the same role', () => {
    expect(columnOverrides({ target: '目标', targetColumn: '预算' }, figures)).toEqual({
      target: '目标',
    });
    expect(columnOverrides({ targetColumn: '预算' }, figures)).toEqual({ target: '预算' });
  });
});
