import { describe, expect, it } from '@jest/globals';
import { expectedArrivals, forecastTypes, type ForecastInputs, type ModuleFigure } from './forecast.js';

const module = (partial: Partial<ModuleFigure> = {}): ModuleFigure => ({
  module_name: 'Bot',
  supported_robot_types: ['work'],
  eligible: true,
  slots: 4,
  running: 0,
  avg_processing_time_ms: null,
  ...partial,
});

const inputs = (partial: Partial<ForecastInputs> = {}): ForecastInputs => ({
  queues: [{ robot_type: 'work', queued: 100, processing: 4, oldest_queued_seconds: 30 }],
  arrivals: [
    { robot_type: 'work', last_15_minutes: 90, last_hour: 300, by_hour_of_day: Array(24).fill(0), days_observed: 0 },
  ],
  processing: [
    {
      module_name: 'Bot',
      robot_type: 'work',
      completed_last_hour: 500,
      mean_ms: 1_000,
      p50_ms: 900,
      p90_ms: 1_500,
      recent_completed: 60,
      recent_span_seconds: 30,
    },
  ],
  modules: [module()],
  nextHour: 10,
  targetDrainSeconds: 3_600,
  ...partial,
});

describe('forecastTypes', () => {
  it('drains a backlogged queue at the observed rate, net of arrivals', () => {
    const [work] = forecastTypes(inputs()).types;
    // Observed: 60 completions in 30 s = 7,200/h; arrivals 90 per 15 min = 360/h.
    expect(work.throughput_basis).toBe('observed');
    expect(work.throughput_per_hour).toBe(7_200);
    expect(work.arrivals.forecast_next_hour).toBe(360);
    expect(work.forecast.drain_seconds).toBeCloseTo((100 / (7_200 - 360)) * 3_600, 1);
    expect(work.forecast).toMatchObject({ queued_in_1h: 0, drains_within_target: true });
    expect(work.capacity.additional_slots).toBe(0);
  });

  it('uses capacity (slots x 3600 / mean) when the queue is not backlogged, splitting a module by demand', () => {
    const { types } = forecastTypes(
      inputs({
        queues: [
          { robot_type: 'work', queued: 3, processing: 0, oldest_queued_seconds: 1 },
          { robot_type: 'other', queued: 1, processing: 0, oldest_queued_seconds: 1 },
        ],
        modules: [module({ supported_robot_types: ['work', 'other'] })],
      }),
    );
    const work = types.find((t) => t.robot_type === 'work')!;
    expect(work.throughput_basis).toBe('capacity');
    // 4 slots, 3/4 of the demand, 1 s each: 10,800/h.
    expect(work.throughput_per_hour).toBe(10_800);
  });

  it('recommends slots on the fastest eligible module when the queue cannot drain within the target', () => {
    const { types, bottlenecks } = forecastTypes(
      inputs({
        queues: [{ robot_type: 'work', queued: 10_000, processing: 4, oldest_queued_seconds: 600 }],
        modules: [module(), module({ module_name: 'Slow', eligible: false, avg_processing_time_ms: 100 })],
      }),
    );
    const [work] = types;
    // Needed: 360 + 10,000 per hour = 10,360/h against 7,200/h; one slot of Bot does 3,600/h.
    expect(work.capacity).toMatchObject({ additional_slots: 1, module_name: 'Bot' });
    expect(work.forecast.drains_within_target).toBe(false);
    expect(bottlenecks).toEqual([]);
  });

  it('finds a type nothing may take, arrivals above throughput, and a saturated module beside an idle one', () => {
    const none = forecastTypes(inputs({ modules: [module({ eligible: false })] }));
    expect(none.types[0]).toMatchObject({ throughput_basis: 'none', forecast: { drain_seconds: null } });
    expect(none.bottlenecks.map((b) => b.kind)).toEqual(['no_eligible_module']);
    expect(none.types[0].capacity.reason).toMatch(/no eligible module/);

    const growing = forecastTypes(
      inputs({
        arrivals: [
          {
            robot_type: 'work',
            last_15_minutes: 5_000,
            last_hour: 9_000,
            by_hour_of_day: Array(24).fill(0),
            days_observed: 0,
          },
        ],
      }),
    );
    expect(growing.bottlenecks.map((b) => b.kind)).toEqual(['arrivals_exceed_throughput']);
    expect(growing.types[0].forecast.drain_seconds).toBeNull();
    expect(growing.types[0].forecast.queued_in_1h).toBe(100 + 20_000 - 7_200);

    const imbalanced = forecastTypes(
      inputs({ modules: [module({ running: 4 }), module({ module_name: 'Idle', running: 0 })] }),
    );
    expect(imbalanced.bottlenecks).toEqual([
      expect.objectContaining({ kind: 'imbalanced_modules', module_name: 'Bot', robot_type: 'work' }),
    ]);
  });
});

describe('expectedArrivals', () => {
  it('is the recent rate until a day is observed, then half recent, half the usual count of that hour', () => {
    const byHour = Array<number>(24).fill(0);
    byHour[10] = 700;
    const arrival = {
      robot_type: 'work',
      last_15_minutes: 25,
      last_hour: 100,
      by_hour_of_day: byHour,
      days_observed: 0,
    };
    expect(expectedArrivals(arrival, 10)).toBe(100);
    expect(expectedArrivals({ ...arrival, days_observed: 7 }, 10)).toBe(0.5 * 100 + 0.5 * 100);
    expect(expectedArrivals({ ...arrival, days_observed: 7 }, 11)).toBe(50);
    expect(expectedArrivals(undefined, 10)).toBe(0);
  });
});
