import { afterEach, describe, expect, it, vi } from 'vitest';
import { TtlCache } from './ttl-cache';

afterEach(() => vi.useRealTimers());

describe('TtlCache', () => {
  it('returns an entry until its time to live ends, its own when given', () => {
    vi.useFakeTimers({ now: 0, toFake: ['Date'] });
    const c = new TtlCache<string | null>(1000);
    c.set('a', 'x');
    c.set('b', null, 100);
    c.set('c', 'gone', 0);
    expect([c.get('a'), c.get('b'), c.get('c')]).toEqual(['x', null, undefined]);
    vi.setSystemTime(500);
    expect([c.get('a'), c.get('b')]).toEqual(['x', undefined]);
    vi.setSystemTime(1000);
    expect(c.get('a')).toBeUndefined();
  });

  it('forgets on delete, and empties itself when full', () => {
    const c = new TtlCache<number>(60_000, 3);
    c.set('a', 1);
    c.delete('a');
    expect(c.get('a')).toBeUndefined();
    ['b', 'c', 'd'].forEach((k, i) => c.set(k, i));
    c.set('e', 9);
    expect([c.get('b'), c.get('e')]).toEqual([undefined, 9]);
  });
});
