import { type DynamicModule, Inject, Module } from '@nestjs/common';
import { AppModule } from '../../src/app.module.js';
import { type DeliveredEvent, EventConsumer, type EventHandler } from '../../src/core/events/event-consumer.js';

/** Every delivery the test consumers saw, in the order they saw them, across app instances. */
export interface Delivery {
  consumer: string;
  instance: string;
  event_id: number;
  robot_type: string;
  attempt: number;
  ok: boolean;
  at: number;
}

export const deliveries: Delivery[] = [];

/**
 * What the test consumers do: which robot type fails 3 times, which keeps failing until healed,
 * which test-batched refuses in a batch (its own, so the others never fail what it is given).
 */
export const control = { flakyType: '', doomedType: '', doomedHeals: false, batchFlakyType: '' };

const INSTANCE = Symbol('INSTANCE');

abstract class Recording implements EventHandler {
  protected abstract readonly name: string;
  constructor(@Inject(INSTANCE) private readonly instance: string) {}

  async handle(event: DeliveredEvent): Promise<void> {
    const robotType = (event.payload as { robot_type?: string }).robot_type ?? '';
    const fails = this.fails(robotType, event.attempt);
    this.record(event, robotType, !fails, performance.now());
    if (fails) throw new Error(`${this.name} refuses ${robotType} (attempt ${event.attempt})`);
  }

  protected fails(_robotType: string, _attempt: number): boolean {
    return false;
  }

  protected record(event: DeliveredEvent, robotType: string, ok: boolean, at: number): void {
    deliveries.push({
      consumer: this.name,
      instance: this.instance,
      event_id: event.event_id,
      robot_type: robotType,
      attempt: event.attempt,
      ok,
      at,
    });
  }
}

@EventConsumer({ name: 'test-steady', events: ['robot.created'] })
class SteadyConsumer extends Recording {
  protected readonly name = 'test-steady';
}

/** Fails the first 3 deliveries of the flaky type's events; its retries start at 200 ms. */
@EventConsumer({ name: 'test-flaky', events: ['robot.*'], retryDelayMs: 200 })
class FlakyConsumer extends Recording {
  protected readonly name = 'test-flaky';
  protected override fails(robotType: string, attempt: number): boolean {
    return robotType === control.flakyType && attempt <= 3;
  }
}

/** Fails the doomed type's events until healed; parks them after 2 deliveries. */
@EventConsumer({ name: 'test-doomed', events: ['robot.created'], maxAttempts: 2, retryDelayMs: 50 })
class DoomedConsumer extends Recording {
  protected readonly name = 'test-doomed';
  protected override fails(robotType: string): boolean {
    return robotType === control.doomedType && !control.doomedHeals;
  }
}

/** The calls test-batched's handleBatch() had: the event ids of each, and whether it succeeded. */
export const batchCalls: Array<{ event_ids: number[]; ok: boolean }> = [];

/**
 * Takes each outbox read in one handleBatch() call, which refuses any batch holding the flaky
 * type; one by one (handle()), that type's event fails its first delivery only.
 */
@EventConsumer({ name: 'test-batched', events: ['robot.created'], retryDelayMs: 100 })
class BatchedConsumer extends Recording {
  protected readonly name = 'test-batched';

  async handleBatch(events: DeliveredEvent[]): Promise<void> {
    const types = events.map((event) => (event.payload as { robot_type?: string }).robot_type ?? '');
    const ok = !types.includes(control.batchFlakyType);
    batchCalls.push({ event_ids: events.map((event) => event.event_id), ok });
    if (!ok) throw new Error(`test-batched refuses a batch with ${control.batchFlakyType}`);
    const at = performance.now();
    for (const [i, event] of events.entries()) this.record(event, types[i], true, at);
  }

  protected override fails(robotType: string, attempt: number): boolean {
    return robotType === control.batchFlakyType && attempt === 1;
  }
}

@Module({})
class TestConsumersModule {}

@Module({})
class BatchedConsumerModule {}

/** The real AppModule plus test-batched alone. */
export function appWithBatchedConsumer(instance: string): () => DynamicModule {
  return () => ({
    module: BatchedConsumerModule,
    imports: [AppModule.forRoot()],
    providers: [{ provide: INSTANCE, useValue: instance }, BatchedConsumer],
  });
}

/** The real AppModule plus three named consumers, tagged with the instance they run in. */
export function appWithConsumers(instance: string): () => DynamicModule {
  return () => ({
    module: TestConsumersModule,
    imports: [AppModule.forRoot()],
    providers: [{ provide: INSTANCE, useValue: instance }, SteadyConsumer, FlakyConsumer, DoomedConsumer],
  });
}

/** The ok deliveries of one consumer, in order: event ids. */
export const handledBy = (consumer: string, robotTypes: readonly string[]): number[] =>
  deliveries.filter((d) => d.consumer === consumer && d.ok && robotTypes.includes(d.robot_type)).map((d) => d.event_id);
