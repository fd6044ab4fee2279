import { statfs } from 'node:fs/promises';
import { type IntervalHistogram, monitorEventLoopDelay } from 'node:perf_hooks';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { CacheService } from '../../cache/cache.service.js';
import { AppConfig } from '../../core/config/app-config.service.js';
import { DatabaseProbe } from '../../state/database.probe.js';

export type ProbeName = 'database' | 'cache' | 'disk' | 'memory' | 'event_loop';
const PROBE_COUNT = 5;

export interface ProbeResult {
  status: 'up' | 'down';
  /** Why it is down; generic, never a driver's message (it may name hosts or users). */
  message?: string;
  checked_at: string;
  duration_ms: number;
  [detail: string]: unknown;
}

/** Process figures of the last refresh, for the dashboard's resource usage. */
export interface ProcessUsage {
  rss_mb: number;
  heap_used_mb: number;
  /** CPU time of this process over the last refresh interval, in % of one core. */
  cpu_percent: number;
  /** p99 event-loop delay over the last refresh interval. */
  event_loop_lag_ms: number;
  uptime_seconds: number;
}

/** A failure whose message is safe to answer with (a driver's message may name hosts or users). */
class ProbeFailure extends Error {}

/** The event-loop delay histogram times a timer of this period: what it records beyond it is lag. */
const LOOP_RESOLUTION_MS = 10;

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * Readiness answered from state refreshed in the background: every HEALTH_REFRESH_MS all probes
 * run at once, each bounded by HEALTH_PROBE_TIMEOUT_MS, and /health/ready reads their last results.
 * A readiness call therefore never waits on the database or the disk (seeds: health check p99 <
 * 10 ms), and a load balancer polling it costs the database nothing. Results older than three
 * refresh intervals (a stuck refresher) count as down.
 */
@Injectable()
export class HealthState implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(HealthState.name);
  private readonly results = new Map<ProbeName, ProbeResult>();
  private readonly loopDelay: IntervalHistogram = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  private timer?: NodeJS.Timeout;
  private refreshing?: Promise<void>;
  private lastCpu = process.cpuUsage();
  private lastCpuAt = performance.now();
  private usage: ProcessUsage = { rss_mb: 0, heap_used_mb: 0, cpu_percent: 0, event_loop_lag_ms: 0, uptime_seconds: 0 };

  constructor(
    private readonly database: DatabaseProbe,
    private readonly cache: CacheService,
    private readonly config: AppConfig,
    private readonly http: HttpAdapterHost,
  ) {}

  onApplicationBootstrap(): void {
    this.loopDelay.enable();
    // The lag of booting (other layers' bootstrap work, compiling, first queries) is not the lag a
    // caller of a ready service meets: the measure starts afresh once the server listens.
    this.http.httpAdapter?.getHttpServer()?.once?.('listening', () => this.afterListening());
    this.timer = setInterval(() => void this.refresh(), this.config.get('HEALTH_REFRESH_MS'));
    this.timer.unref();
    void this.refresh();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
    this.loopDelay.disable();
  }

  /**
   * The last result of every probe; waits for the first refresh until every probe has one (the
   * quick ones finish first: a call then must not see a report without the database).
   */
  async current(): Promise<Record<ProbeName, ProbeResult>> {
    if (this.results.size < PROBE_COUNT) await this.refresh();
    const staleAfter = 3 * this.config.get('HEALTH_REFRESH_MS');
    const now = Date.now();
    const out = {} as Record<ProbeName, ProbeResult>;
    for (const [name, result] of this.results) {
      const age = now - Date.parse(result.checked_at);
      out[name] =
        age > staleAfter ? { ...result, status: 'down', message: `no result for ${Math.round(age)} ms` } : result;
    }
    return out;
  }

  processUsage(): ProcessUsage {
    return this.usage;
  }

  /**
   * The lag figure taken during boot is dropped: once a boot-time refresh is over, the event-loop
   * result goes, so the next readiness call waits for a refresh measured from the listening server.
   */
  private afterListening(): void {
    this.loopDelay.reset();
    void (this.refreshing ?? Promise.resolve()).then(() => {
      this.loopDelay.reset();
      this.results.delete('event_loop');
      return this.refresh();
    });
  }

  /** Runs every probe once (concurrent calls share one run). */
  refresh(): Promise<void> {
    this.refreshing ??= this.runProbes().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async runProbes(): Promise<void> {
    this.sampleProcess();
    const probes: [ProbeName, () => Promise<Record<string, unknown>>][] = [
      ['database', () => this.probeDatabase()],
      ['cache', () => this.probeCache()],
      ['disk', () => this.probeDisk()],
      ['memory', () => Promise.resolve(this.probeMemory())],
      ['event_loop', () => Promise.resolve(this.probeEventLoop())],
    ];
    await Promise.all(probes.map(([name, probe]) => this.run(name, probe)));
  }

  private async run(name: ProbeName, probe: () => Promise<Record<string, unknown>>): Promise<void> {
    const started = performance.now();
    const timeoutMs = this.config.get('HEALTH_PROBE_TIMEOUT_MS');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new ProbeFailure(`timed out after ${timeoutMs} ms`)), timeoutMs);
      timer.unref();
    });
    let result: ProbeResult;
    try {
      const details = await Promise.race([probe(), timeout]);
      result = { status: 'up', ...details, checked_at: '', duration_ms: 0 };
      if (details.status === 'down') result.status = 'down';
    } catch (error) {
      if (!(error instanceof ProbeFailure)) this.logger.warn(`${name} probe failed: ${(error as Error).message}`);
      const message = error instanceof ProbeFailure ? error.message : `${name} unreachable`;
      result = { status: 'down', message, checked_at: '', duration_ms: 0 };
    } finally {
      clearTimeout(timer);
    }
    result.checked_at = new Date().toISOString();
    result.duration_ms = round(performance.now() - started, 2);
    const previous = this.results.get(name);
    if (previous && previous.status !== result.status) {
      this.logger.warn(`${name} is ${result.status}${result.message ? `: ${result.message}` : ''}`);
    }
    this.results.set(name, result);
  }

  private async probeDatabase(): Promise<Record<string, unknown>> {
    await this.database.ping().catch((error: Error) => {
      this.logger.warn(`database probe failed: ${error.message}`);
      throw new ProbeFailure('database unreachable');
    });
    return { engine: this.database.engine, pools: this.database.pools() };
  }

  private async probeCache(): Promise<Record<string, unknown>> {
    const backend = this.cache.backendKind;
    await this.cache.ping().catch(() => {
      throw new ProbeFailure(`${backend} cache unreachable`);
    });
    return { backend };
  }

  /** Free space where the app writes (statfs: a syscall, no `df` child process). */
  private async probeDisk(): Promise<Record<string, unknown>> {
    const path = this.config.get('HEALTH_DISK_PATH') ?? process.cwd();
    const fs = await statfs(path);
    const totalMb = (fs.blocks * fs.bsize) / 2 ** 20;
    const freeMb = (fs.bavail * fs.bsize) / 2 ** 20;
    const freeRatio = totalMb === 0 ? 0 : freeMb / totalMb;
    const min = this.config.get('HEALTH_DISK_MIN_FREE_RATIO');
    return {
      status: freeRatio < min ? 'down' : 'up',
      ...(freeRatio < min ? { message: `free space ${(freeRatio * 100).toFixed(1)} % < ${min * 100} %` } : {}),
      free_mb: Math.round(freeMb),
      total_mb: Math.round(totalMb),
      free_ratio: round(freeRatio, 3),
    };
  }

  private probeMemory(): Record<string, unknown> {
    const limitMb = this.config.get('HEALTH_MEMORY_RSS_LIMIT_MB');
    const rssMb = process.memoryUsage.rss() / 2 ** 20;
    return {
      status: rssMb > limitMb ? 'down' : 'up',
      ...(rssMb > limitMb ? { message: `RSS ${Math.round(rssMb)} MB > ${limitMb} MB` } : {}),
      rss_mb: Math.round(rssMb),
      limit_mb: limitMb,
    };
  }

  private probeEventLoop(): Record<string, unknown> {
    const maxMs = this.config.get('HEALTH_EVENT_LOOP_LAG_MAX_MS');
    const lagMs = this.usage.event_loop_lag_ms;
    return {
      status: lagMs > maxMs ? 'down' : 'up',
      ...(lagMs > maxMs ? { message: `event-loop lag p99 ${lagMs} ms > ${maxMs} ms` } : {}),
      lag_p99_ms: lagMs,
      max_ms: maxMs,
    };
  }

  /** CPU, memory and event-loop delay since the last refresh. */
  private sampleProcess(): void {
    const now = performance.now();
    const cpu = process.cpuUsage(this.lastCpu);
    const elapsedMs = now - this.lastCpuAt;
    this.lastCpu = process.cpuUsage();
    this.lastCpuAt = now;
    // The histogram reads in nanoseconds, timer period included; before its first sample, 0.
    const lagMs = this.loopDelay.count > 0 ? Math.max(0, this.loopDelay.percentile(99) / 1e6 - LOOP_RESOLUTION_MS) : 0;
    this.loopDelay.reset();
    const memory = process.memoryUsage();
    this.usage = {
      rss_mb: Math.round(memory.rss / 2 ** 20),
      heap_used_mb: Math.round(memory.heapUsed / 2 ** 20),
      cpu_percent: elapsedMs > 0 ? round(((cpu.user + cpu.system) / 1000 / elapsedMs) * 100) : 0,
      event_loop_lag_ms: round(lagMs, 2),
      uptime_seconds: Math.round(process.uptime()),
    };
  }
}
