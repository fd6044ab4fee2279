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

/** What the test consumers do: which robot type fails 3 times, which keeps failing until healed. */
export const control = { flakyType: '', doomedType: '', doomedHeals: false };

const INSTANCE = Symbol('INSTANCE');

abstract class Recording implements EventHandler {
  protected abstract readonly name: string;
  constructor(@Inject(INSTANCE) private readonly instance: string) {}

  async handle(event: DeliveredEvent): Promise<void> {
    const robotType = (event.payload as { robot_type?: string }).robot_type ?? '';
    const fails = this.fails(robotType, event.attempt);
    deliveries.push({
      consumer: this.name,
      instance: this.instance,
      event_id: event.event_id,
      robot_type: robotType,
      attempt: event.attempt,
      ok: !fails,
      at: performance.now(),
    });
    if (fails) throw new Error(`${this.name} refuses ${robotType} (attempt ${event.attempt})`);
  }

  protected fails(_robotType: string, _attempt: number): boolean {
    return false;
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

@Module({})
class TestConsumersModule {}

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
