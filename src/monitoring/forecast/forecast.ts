/**
 * Queue forecasts per robot type, from what the database saw: arrivals, completions and the fleet
 * as it is. A fluid model, deliberately simple: over the next hour the queue grows by arrivals and
 * shrinks by throughput, so it drains in `queued / (throughput - arrivals)` when throughput is
 * the larger. Pure functions: ForecastService reads the figures, this judges them.
 */
import type { ModuleRow, ProcessingRow, QueueRow } from '../../state/repositories/forecast.repository.js';

export type ProcessingFigure = ProcessingRow;

export type ModuleFigure = ModuleRow;

export type QueueFigure = QueueRow;

export interface ArrivalFigure {
  robot_type: string;
  last_15_minutes: number;
  last_hour: number;
  /** Robots created per hour of day (UTC, 0-23) over the last `days_observed` days. */
  by_hour_of_day: number[];
  days_observed: number;
}

export interface ForecastInputs {
  queues: QueueFigure[];
  arrivals: ArrivalFigure[];
  processing: ProcessingFigure[];
  modules: ModuleFigure[];
  /** The hour of day (UTC) the next hour starts in. */
  nextHour: number;
  targetDrainSeconds: number;
}

export type BottleneckKind = 'no_eligible_module' | 'arrivals_exceed_throughput' | 'imbalanced_modules';

export interface Bottleneck {
  kind: BottleneckKind;
  robot_type: string;
  module_name: string | null;
  detail: string;
}

export interface TypeForecast {
  robot_type: string;
  queue: { queued: number; processing: number; oldest_queued_seconds: number | null };
  arrivals: {
    per_hour_recent: number;
    last_hour: number;
    by_hour_of_day: number[];
    forecast_next_hour: number;
  };
  modules: Array<{
    module_name: string;
    eligible: boolean;
    slots: number;
    running: number;
    completed_last_hour: number;
    mean_ms: number | null;
    p50_ms: number | null;
    p90_ms: number | null;
  }>;
  /** Robots per hour the fleet finishes of this type, and how it was judged. */
  throughput_per_hour: number;
  throughput_basis: 'observed' | 'capacity' | 'none';
  forecast: { queued_in_1h: number; drain_seconds: number | null; drains_within_target: boolean };
  capacity: { target_drain_seconds: number; additional_slots: number; module_name: string | null; reason: string };
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Arrivals expected next hour: the recent rate, blended half and half with that hour's usual count once a day is observed. */
export function expectedArrivals(arrival: ArrivalFigure | undefined, nextHour: number): number {
  if (!arrival) return 0;
  const recent = arrival.last_15_minutes * 4;
  if (arrival.days_observed < 1) return recent;
  const usual = arrival.by_hour_of_day[nextHour] / arrival.days_observed;
  return 0.5 * recent + 0.5 * usual;
}

/**
 * Robots per hour the eligible modules finish of one type. While the type is backlogged (more
 * queued than the modules' slots) the recent completion rate is the fleet's real throughput,
 * claim and network overheads included; otherwise completions only follow arrivals, and the
 * capacity (slots x 3600 / mean duration, a module's slots split across its types by demand) is
 * what it could do.
 */
export function throughput(
  type: string,
  queue: QueueFigure | undefined,
  processing: ProcessingFigure[],
  modules: ModuleFigure[],
  demand: Map<string, number>,
): { perHour: number; basis: 'observed' | 'capacity' | 'none' } {
  const eligible = modules.filter((m) => m.eligible && m.supported_robot_types.includes(type));
  if (eligible.length === 0) return { perHour: 0, basis: 'none' };
  const mine = processing.filter((p) => p.robot_type === type && eligible.some((m) => m.module_name === p.module_name));
  const slots = eligible.reduce((sum, m) => sum + m.slots, 0);
  const recent = mine.reduce((sum, p) => sum + p.recent_completed, 0);
  const span = Math.max(0, ...mine.map((p) => p.recent_span_seconds ?? 0));
  if ((queue?.queued ?? 0) >= slots && recent >= 5 && span >= 5) {
    return { perHour: (recent / span) * 3600, basis: 'observed' };
  }
  let perHour = 0;
  for (const m of eligible) {
    const mean = mine.find((p) => p.module_name === m.module_name)?.mean_ms ?? m.avg_processing_time_ms;
    if (!mean || mean <= 0) continue;
    const total = m.supported_robot_types.reduce((sum, t) => sum + (demand.get(t) ?? 0), 0);
    const share = total > 0 ? (demand.get(type) ?? 0) / total : 1 / m.supported_robot_types.length;
    perHour += (m.slots * share * 3_600_000) / mean;
  }
  return perHour > 0 ? { perHour, basis: 'capacity' } : { perHour: 0, basis: 'none' };
}

export function forecastTypes(inputs: ForecastInputs): { types: TypeForecast[]; bottlenecks: Bottleneck[] } {
  const names = new Set([
    ...inputs.queues.map((q) => q.robot_type),
    ...inputs.arrivals.filter((a) => a.last_hour > 0).map((a) => a.robot_type),
  ]);
  const demand = new Map(inputs.queues.map((q) => [q.robot_type, q.queued + q.processing]));
  const types: TypeForecast[] = [];
  const bottlenecks: Bottleneck[] = [];
  for (const type of [...names].sort()) {
    const queue = inputs.queues.find((q) => q.robot_type === type);
    const arrival = inputs.arrivals.find((a) => a.robot_type === type);
    const queued = queue?.queued ?? 0;
    const lambda = expectedArrivals(arrival, inputs.nextHour);
    const served = throughput(type, queue, inputs.processing, inputs.modules, demand);
    const mu = served.perHour;
    const drainHours = queued === 0 ? 0 : mu > lambda ? queued / (mu - lambda) : null;
    const candidates = inputs.modules.filter((m) => m.supported_robot_types.includes(type));
    const moduleRows = candidates.map((m) => {
      const p = inputs.processing.find((x) => x.module_name === m.module_name && x.robot_type === type);
      return {
        module_name: m.module_name,
        eligible: m.eligible,
        slots: m.slots,
        running: m.running,
        completed_last_hour: p?.completed_last_hour ?? 0,
        mean_ms: p?.mean_ms === null || p?.mean_ms === undefined ? null : round(p.mean_ms),
        p50_ms: p?.p50_ms ?? null,
        p90_ms: p?.p90_ms ?? null,
      };
    });
    const capacity = recommend(type, queued, lambda, mu, inputs.targetDrainSeconds, moduleRows, inputs.modules);
    types.push({
      robot_type: type,
      queue: {
        queued,
        processing: queue?.processing ?? 0,
        oldest_queued_seconds: queue?.oldest_queued_seconds ?? null,
      },
      arrivals: {
        per_hour_recent: (arrival?.last_15_minutes ?? 0) * 4,
        last_hour: arrival?.last_hour ?? 0,
        by_hour_of_day: arrival?.by_hour_of_day ?? Array<number>(24).fill(0),
        forecast_next_hour: round(lambda),
      },
      modules: moduleRows,
      throughput_per_hour: round(mu),
      throughput_basis: served.basis,
      forecast: {
        queued_in_1h: Math.max(0, Math.round(queued + lambda - mu)),
        drain_seconds: drainHours === null ? null : round(drainHours * 3600),
        drains_within_target: drainHours !== null && drainHours * 3600 <= inputs.targetDrainSeconds,
      },
      capacity,
    });
    bottlenecks.push(...bottlenecksOf(type, queued, lambda, mu, inputs.modules));
  }
  return { types, bottlenecks };
}

/** Slots to add, on the fastest eligible module, so the queue drains within the target. */
function recommend(
  type: string,
  queued: number,
  lambda: number,
  mu: number,
  target: number,
  rows: TypeForecast['modules'],
  modules: ModuleFigure[],
): TypeForecast['capacity'] {
  const base = { target_drain_seconds: target };
  const needed = lambda + (queued * 3600) / target;
  if (needed <= mu) return { ...base, additional_slots: 0, module_name: null, reason: 'drains within the target' };
  const fastest = rows
    .filter((r) => r.eligible)
    .map((r) => ({
      ...r,
      mean: r.mean_ms ?? modules.find((m) => m.module_name === r.module_name)?.avg_processing_time_ms,
    }))
    .filter((r): r is typeof r & { mean: number } => typeof r.mean === 'number' && r.mean > 0)
    .sort((a, b) => a.mean - b.mean)[0];
  if (!fastest) {
    return {
      ...base,
      additional_slots: 0,
      module_name: null,
      reason: rows.length
        ? `no eligible module with a measured duration for ${type}: make one healthy or give it work`
        : `no module supports ${type}: register one`,
    };
  }
  const perSlot = 3_600_000 / fastest.mean;
  const slots = Math.ceil((needed - mu) / perSlot);
  return {
    ...base,
    additional_slots: slots,
    module_name: fastest.module_name,
    reason: `${round(needed)} robots/h needed against ${round(mu)}: ${slots} more concurrent slot(s) on ${fastest.module_name} (${round(perSlot)} robots/h each)`,
  };
}

const SATURATED = 0.9;
const IDLE = 0.2;

function bottlenecksOf(
  type: string,
  queued: number,
  lambda: number,
  mu: number,
  modules: ModuleFigure[],
): Bottleneck[] {
  const found: Bottleneck[] = [];
  const eligible = modules.filter((m) => m.eligible && m.supported_robot_types.includes(type));
  if (queued > 0 && eligible.length === 0) {
    found.push({
      kind: 'no_eligible_module',
      robot_type: type,
      module_name: null,
      detail: `${queued} robot(s) of ${type} wait and no active, healthy module may take them`,
    });
    return found;
  }
  if (lambda > 0 && mu > 0 && lambda > mu) {
    found.push({
      kind: 'arrivals_exceed_throughput',
      robot_type: type,
      module_name: null,
      detail: `${round(lambda)} arrivals/h expected against ${round(mu)} finished/h: the queue grows`,
    });
  }
  const use = (m: ModuleFigure) => (m.slots > 0 ? m.running / m.slots : 1);
  const saturated = eligible.filter((m) => use(m) >= SATURATED);
  const idle = eligible.filter((m) => use(m) <= IDLE);
  if (queued > 0 && saturated.length > 0 && idle.length > 0) {
    for (const m of saturated) {
      found.push({
        kind: 'imbalanced_modules',
        robot_type: type,
        module_name: m.module_name,
        detail: `${m.module_name} is saturated (${m.running}/${m.slots}) while ${idle.map((i) => i.module_name).join(', ')} stay(s) idle, with ${type} queued`,
      });
    }
  }
  return found;
}
