import { readFileSync } from 'node:fs';

const SAMPLE_MS = 100;
const PAGE_BYTES = 4096;
// Linux clock ticks per second for /proc times (USER_HZ is 100 on every mainstream build).
const TICKS_PER_SECOND = 100;

/** CPU time of this process's children that have exited (cutime + cstime of /proc/self/stat), Linux only. */
function childrenCpuMs(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the command name: field 3 is index 0, so cutime (16) and cstime (17) are 13 and 14.
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

function rssOfPid(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_BYTES;
  } catch {
    return 0;
  }
}

/**
 * What one call cost. cpu_ms is this process's CPU (every thread: the event loop, pdf.js and the
 * tesseract.js workers) plus the CPU of native Tesseract processes that ended meanwhile. Both are
 * process-wide: with several documents at once each call's figure includes the others' work.
 * peak_memory_mb samples this process's RSS plus the running Tesseract processes' every 100 ms.
 */
export class ResourceMeter {
  private readonly cpu = process.cpuUsage();
  private readonly children = childrenCpuMs();
  private readonly started = performance.now();
  private peak = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly childPids: () => number[]) {
    this.sample();
    this.timer = setInterval(() => this.sample(), SAMPLE_MS);
    this.timer.unref();
  }

  stop(): { cpu_ms: number; peak_memory_mb: number; duration_ms: number } {
    clearInterval(this.timer);
    this.sample();
    const cpu = process.cpuUsage(this.cpu);
    return {
      cpu_ms: Math.round((cpu.user + cpu.system) / 1000 + (childrenCpuMs() - this.children)),
      peak_memory_mb: Math.round(this.peak / (1024 * 1024)),
      duration_ms: Math.round(performance.now() - this.started),
    };
  }

  private sample(): void {
    const rss = process.memoryUsage.rss() + this.childPids().reduce((sum, pid) => sum + rssOfPid(pid), 0);
    this.peak = Math.max(this.peak, rss);
  }
}
