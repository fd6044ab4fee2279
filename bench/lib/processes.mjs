// Child processes of the benches: the app (started as `npm start` does), baselines, and their RSS.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const children = [];
// Whatever ends the bench (a crash included) ends the servers it started.
process.on('exit', killAll);

export function killAll() {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
}

export async function freePort() {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts `node args` on a free port and waits until `readyPath` answers below 500. */
export async function startProcess(name, args, env, readyPath) {
  const port = await freePort();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  if (process.env.BENCH_APP_STDERR) child.stderr.on('data', (chunk) => process.stderr.write(chunk));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited: ${stderr}`);
    if (Date.now() > deadline) throw new Error(`${name} not ready within 60 s: ${stderr}`);
    const res = await fetch(origin + readyPath, { signal: AbortSignal.timeout(2000) }).catch(() => undefined);
    await res?.arrayBuffer();
    if (res && res.status < 500) break;
    await sleep(50);
  }
  return { child, origin, pid: child.pid };
}

export async function stopProcess(proc) {
  if (proc.child.exitCode !== null) return;
  const exited = new Promise((resolve) => proc.child.once('exit', resolve));
  proc.child.kill('SIGTERM');
  await Promise.race([exited, sleep(15_000)]);
  if (proc.child.exitCode === null) proc.child.kill('SIGKILL');
}

const rssMb = (pid) => {
  try {
    return Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
  } catch {
    return 0;
  }
};

/** CPU time (user + system, ms) a process has used so far, from /proc (clock ticks of 10 ms). */
export function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** CPU ms of every PostgreSQL server process on this machine (backends, WAL writer, checkpointer). */
export function postgresCpuMs() {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (!stat.includes('(postgres)') && !stat.includes('(postmaster)')) continue;
      const fields = stat.split(') ')[1].split(' ');
      total += (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      // the process ended between the listing and the read
    }
  }
  return total;
}

/**
 * Starts counting CPU time: of the app (`pid`, when given), of PostgreSQL's processes and of this
 * process. The answer's `per(count)` gives each in µs per item since the start.
 */
export function cpuMeter(pid) {
  const app = pid ? cpuMs(pid) : 0;
  const postgres = postgresCpuMs();
  const bench = process.cpuUsage();
  return {
    per(count) {
      const own = process.cpuUsage(bench);
      return {
        ...(pid ? { app_cpu_us: ((cpuMs(pid) - app) * 1000) / count } : {}),
        postgres_cpu_us: ((postgresCpuMs() - postgres) * 1000) / count,
        bench_cpu_us: (own.user + own.system) / count,
      };
    },
  };
}

/** Peak VmRSS of a process: overall, and since the last `lap()`. */
export function rssSampler(pid) {
  let peak = 0;
  let lapPeak = 0;
  const sample = () => {
    const now = rssMb(pid);
    peak = Math.max(peak, now);
    lapPeak = Math.max(lapPeak, now);
  };
  const timer = setInterval(sample, 100);
  return {
    lap() {
      sample();
      const value = lapPeak;
      lapPeak = 0;
      return value;
    },
    stop() {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}
