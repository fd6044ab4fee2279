import { describe, expect, it } from '@jest/globals';
import { nestsDeeperThan } from './json-depth.js';

const nested = (depth: number): unknown => (depth === 0 ? 'leaf' : { child: [nested(depth - 1)] });

describe('nestsDeeperThan', () => {
  it('counts objects and arrays as levels', () => {
    expect(nestsDeeperThan({ a: 1 }, 1)).toBe(false);
    expect(nestsDeeperThan({ a: { b: 1 } }, 1)).toBe(true);
    expect(nestsDeeperThan([[[]]], 3)).toBe(false);
    expect(nestsDeeperThan([[[[]]]], 3)).toBe(true);
  });

  it('walks a 100,000-level document without overflowing the stack', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(nestsDeeperThan(deep, 32)).toBe(true);
    expect(nestsDeeperThan(nested(15), 32)).toBe(false);
  });
});
