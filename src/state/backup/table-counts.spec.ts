import { describe, expect, it } from '@jest/globals';
import { compareCounts, countTables } from './table-counts.js';

describe('compareCounts', () => {
  it('passes equal counts and names every table that differs or is missing', () => {
    expect(compareCounts({ robots: 3, events: 10 }, { robots: 3, events: 10, extra: 1 })).toEqual([]);
    expect(compareCounts({ robots: 3, events: 10 }, { robots: 2 })).toEqual([
      { table: 'events', expected: 10, restored: null },
      { table: 'robots', expected: 3, restored: 2 },
    ]);
  });

  it('accepts any count between the two taken around a copy without a snapshot', () => {
    expect(compareCounts({ robots: 3 }, { robots: 4 }, { robots: 5 })).toEqual([]);
    expect(compareCounts({ robots: 5 }, { robots: 4 }, { robots: 3 })).toEqual([]);
    expect(compareCounts({ robots: 3 }, { robots: 6 }, { robots: 5 })).toEqual([
      { table: 'robots', expected: [3, 5], restored: 6 },
    ]);
  });
});

describe('countTables', () => {
  it('counts every table in one statement, quoting names', async () => {
    const statements: string[] = [];
    const counts = await countTables(async <T>(sql: string) => {
      statements.push(sql);
      if (sql.includes('pg_class')) return [{ name: 'robots' }, { name: `odd"name's` }] as T[];
      return [
        { name: 'robots', count: '7' },
        { name: `odd"name's`, count: 0 },
      ] as T[];
    });
    expect(counts).toEqual({ robots: 7, [`odd"name's`]: 0 });
    expect(statements[1]).toContain(`FROM "odd""name's"`);
    expect(statements[1]).toContain(`'odd"name''s' AS name`);
  });

  it('answers an empty schema without a second statement', async () => {
    let calls = 0;
    expect(await countTables(async <T>() => (calls++, [] as T[]))).toEqual({});
    expect(calls).toBe(1);
  });
});
