import { describe, expect, it } from '@jest/globals';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { poolOf, READ_DATA_SOURCE } from '../../src/state/data-source.js';
import { useTestApp } from '../support/test-app.js';

describe('the embedded database under concurrent parameterised queries (PGlite)', () => {
  const t = useTestApp();

  it("keeps each connection's Parse, Bind and Execute together, whatever their size", async () => {
    const writer = poolOf(t.app.get<DataSource>(getDataSourceToken()));
    const reader = poolOf(t.app.get<DataSource>(getDataSourceToken(READ_DATA_SOURCE)));
    // Parameters of 200 KB arrive in several socket reads: the case that interleaved.
    const big = (i: number) => `${i}:`.padEnd(200_000, String.fromCharCode(97 + (i % 26)));
    // Transactions hold the queue for their connection; when one ends, the others' messages that
    // waited meanwhile are what used to interleave.
    const inTransaction = async (i: number) => {
      const client = await writer.connect();
      try {
        await client.query('BEGIN');
        const result = await client.query<{ v: string }>('SELECT $1::text || $2::text AS v', [big(i), `#${i}`]);
        await client.query('COMMIT');
        return result;
      } finally {
        client.release();
      }
    };
    const queries = Array.from({ length: 60 }, (_, i) => {
      if (i % 3 === 0) return inTransaction(i);
      const pool = i % 2 === 0 ? writer : reader;
      return i % 3 === 1
        ? pool.query<{ v: string }>('SELECT $1::text || $2::text AS v', [big(i), `#${i}`])
        : pool.query<{ v: string }>('SELECT $1::text AS v', [big(i)]);
    });
    const results = await Promise.all(queries);
    results.forEach((result, i) => expect(result.rows[0].v).toBe(i % 3 === 2 ? big(i) : `${big(i)}#${i}`));
  });
});
