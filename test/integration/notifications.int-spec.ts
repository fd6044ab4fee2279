import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type DynamicModule, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { AppModule } from '../../src/app.module.js';
import { DELIVERIES_CHANNEL } from '../../src/notification/deliveries/delivery-signals.js';
import { PgListener } from '../../src/state/pg-listener.service.js';
import { StateModule } from '../../src/state/state.module.js';
import { eventually } from '../support/eventually.js';
import { fansOutAndReplays } from '../support/notification-scenarios.js';
import { awaitDeliveries, subscribe, workerFor } from '../support/notifications.js';
import { startApp, type TestApp } from '../support/test-app.js';

const ENV = {
  DATABASE_URL: process.env.TEST_DATABASE_URL,
  REDIS_URL: process.env.TEST_REDIS_URL,
  CACHE_KEY_PREFIX: `${process.env.TEST_CACHE_PREFIX}_notify`,
  // The fan-out and the log are under test (notification-dispatch.int-spec.ts sends): nothing is sent.
  NOTIFY_DISPATCH_ENABLED: 'false',
};

/** Stands in for the dispatcher: counts the wake-ups announced over pg_notify. */
@Injectable()
class WakeUps implements OnModuleInit {
  heard = 0;
  constructor(private readonly listener: PgListener) {}
  onModuleInit(): void {
    this.listener.listen(DELIVERIES_CHANNEL, () => this.heard++);
  }
}

@Module({ imports: [StateModule], providers: [WakeUps] })
class WakeUpsModule {}

const withWakeUps = (): DynamicModule => ({
  module: class NotifyTestRoot {},
  imports: [AppModule.forRoot(), WakeUpsModule],
});

describe('notifications on PostgreSQL, two instances', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await startApp(ENV, withWakeUps);
    b = await startApp(ENV, withWakeUps);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('fans robots out into deliveries, lists them and replays ended ones', () => fansOutAndReplays(a));

  it('wakes the dispatchers of every instance, and another instance’s subscription reaches the fan-out', async () => {
    const worker = await workerFor(b, `wake_${Date.now()}`);
    const before = [a.app.get(WakeUps).heard, b.app.get(WakeUps).heard];
    // Subscribed on one instance, the robot created on the other: whichever runs the fan-out sees it.
    const inbox = await subscribe(b, {
      channel: 'in_app',
      target: 'ops',
      event_types: ['robot.completed'],
      filter: { module_name: worker.moduleName },
    });
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // the other instance's cached copy expires
    const robot = await worker.create();
    await worker.finishAll();
    const [delivery] = await awaitDeliveries(a, inbox.subscription_id, 1);
    expect(delivery.payload!.data.robot_id).toBe(robot.robot_id);
    const heard = await eventually(
      async () => [a.app.get(WakeUps).heard, b.app.get(WakeUps).heard],
      ([ha, hb]) => ha > before[0] && hb > before[1],
    );
    expect(heard[0]).toBeGreaterThan(before[0]);
    expect(heard[1]).toBeGreaterThan(before[1]);
  });
});
