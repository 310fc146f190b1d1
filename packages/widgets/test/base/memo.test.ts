import { describe, expect, it } from 'vitest';
import { Memo } from '../../src/base/memo';

describe('a value kept for the parts it was made from', () => {
  it('is made once for the same parts, and again when one part changes', () => {
    const memo = new Memo<number>();
    const rows = [{ a: 1 }];
    let made = 0;
    const make = (): number => ++made;
    expect(memo.get([rows, 'region'], make)).toBe(1);
    expect(memo.get([rows, 'region'], make)).toBe(1);
    expect(memo.get([[...rows], 'region'], make)).toBe(2);
    expect(memo.get([rows, 'channel'], make)).toBe(3);
    expect(memo.get([rows, 'channel', undefined], make)).toBe(4);
  });

  it('gives a value kept beforehand without making one', () => {
    const memo = new Memo<string>();
    memo.set(['a'], 'kept');
    expect(memo.get(['a'], () => 'made')).toBe('kept');
    expect(memo.get(['b'], () => 'made')).toBe('made');
  });
});
