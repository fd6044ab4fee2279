import { afterAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import {
  batchedConsumer,
  createRobots,
  namedConsumers,
  sharedCursorMoves,
} from '../support/event-consumer-scenarios.js';
import { appWithBatchedConsumer, appWithConsumers, deliveries, handledBy } from '../support/event-consumers.js';
import { eventually } from '../support/eventually.js';
import { startApp, type TestApp, useTestApp } from '../support/test-app.js';

const ENV = {
  DATABASE_URL: process.env.TEST_DATABASE_URL,
  REDIS_URL: process.env.TEST_REDIS_URL,
  CACHE_KEY_PREFIX: `${process.env.TEST_CACHE_PREFIX}_events`,
};

describe('named event consumers (PostgreSQL)', () => {
  describe('one instance', () => {
    const t = useTestApp(ENV, appWithConsumers('P'));
    it('retries a failing consumer without delaying the others, parks what keeps failing, replays it', () =>
      namedConsumers(t, 'P'));
    it('moves the cursors of consumers that shared a read in one statement, each judged on its own lease', () =>
      sharedCursorMoves(t, 'P'));
  });

  describe('a consumer taking batches', () => {
    const t = useTestApp(ENV, appWithBatchedConsumer('PB'));
    it('gets each read in one call, and a refused batch one by one', () => batchedConsumer(t, 'P'));
  });

  describe('restarts and several instances', () => {
    const running: TestApp[] = [];
    const start = async (instance: string, env: Record<string, string> = {}) => {
      const app = await startApp({ ...ENV, ...env }, appWithConsumers(instance));
      running.push(app);
      return app;
    };
    afterAll(async () => {
      for (const app of running) await app.close().catch(() => undefined);
    });

    it('resumes each consumer from its own cursor after a restart', async () => {
      const first = await start('R1');
      const before = await createRobots(first, Array(5).fill('evt_restart'));
      await eventually(
        async () => handledBy('test-steady', ['evt_restart']),
        (ids) => ids.length >= before.length,
      );
      await first.close();
      running.splice(running.indexOf(first), 1);

      // Written while no instance runs: the next one delivers these (its consumers resume from their
      // cursors, not from "now"), then what it creates itself, and nothing delivered before.
      const db = new pg.Pool({ connectionString: ENV.DATABASE_URL });
      const { rows } = await db.query<{ event_id: string }>(
        `INSERT INTO events (event_type, robot_id, payload)
         SELECT 'robot.created', 'offline_' || g, '{"robot_type": "evt_restart"}' FROM generate_series(1, 3) g
         RETURNING event_id`,
      );
      await db.end();
      const offline = rows.map((row) => Number(row.event_id));
      const second = await start('R2');
      const during = [...offline, ...(await createRobots(second, Array(4).fill('evt_restart')))];
      for (const consumer of ['test-steady', 'test-flaky', 'test-doomed']) {
        const seen = await eventually(
          async () => handledBy(consumer, ['evt_restart']),
          (ids) => ids.length >= before.length + during.length,
          10_000,
        );
        expect(seen).toEqual([...before, ...during]);
        const fromSecond = deliveries
          .filter((d) => d.consumer === consumer && d.instance === 'R2' && d.robot_type === 'evt_restart')
          .map((d) => d.event_id);
        expect(fromSecond).toEqual(during);
      }
      await second.close();
      running.splice(running.indexOf(second), 1);
    });

    it('delivers each event once per consumer with two instances running', async () => {
      const [a, b] = [await start('A'), await start('B')];
      const created: number[] = [];
      for (let round = 0; round < 6; round++) {
        created.push(...(await createRobots(round % 2 === 0 ? a : b, Array(5).fill('evt_two'))));
      }
      for (const consumer of ['test-steady', 'test-flaky', 'test-doomed']) {
        const seen = await eventually(
          async () => handledBy(consumer, ['evt_two']),
          (ids) => ids.length >= created.length,
          10_000,
        );
        expect([...seen].sort((x, y) => x - y)).toEqual([...created].sort((x, y) => x - y));
        expect(new Set(seen).size).toBe(seen.length);
      }
      for (const app of [a, b]) {
        await app.close();
        running.splice(running.indexOf(app), 1);
      }
    });

    it('relays at once, on the instance holding the consumer, what another instance writes', async () => {
      // A minute between catch-up looks: within this test only the wake-up over PostgreSQL can
      // bring B's events to A, which holds the consumers' leases (10 s) from its first drain.
      const slow = { EVENTS_RELAY_INTERVAL_MS: '60000' };
      const a = await start('WA', slow);
      const first = await createRobots(a, ['evt_wake']);
      await eventually(
        async () => handledBy('test-steady', ['evt_wake']),
        (ids) => ids.length >= first.length,
      );
      const b = await start('WB', slow);
      const fromB = await createRobots(b, Array(3).fill('evt_wake'));
      const seen = await eventually(
        async () => handledBy('test-steady', ['evt_wake']),
        (ids) => ids.length >= first.length + fromB.length,
        5_000,
      );
      expect(seen).toEqual([...first, ...fromB]);
      const relayedBy = deliveries
        .filter((d) => d.consumer === 'test-steady' && fromB.includes(d.event_id))
        .map((d) => d.instance);
      expect(relayedBy).toEqual(['WA', 'WA', 'WA']);
    });
  });
});
