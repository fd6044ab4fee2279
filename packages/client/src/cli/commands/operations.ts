import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type { BotfleetClient } from '../../client.js';
import type { Command } from '../command.js';
import { arg, int, str } from '../command.js';
import { ExitCode, UsageError } from '../exit-codes.js';

export const operationCommands: Command[] = [
  {
    words: ['routing', 'select'],
    usage: '<robot_type>',
    summary: 'Dry run: which module would take a robot of this type now, and why',
    async run(context) {
      const decision = await context.client.request('get', '/api/v1/routing/select', {
        query: { robot_type: arg(context, 0, 'robot_type') },
      });
      context.out.result(decision, () => {
        context.out.line(
          `${decision.robot_type}: ${decision.selected_module ?? 'no eligible module'} (strategy ${decision.strategy})`,
        );
        context.out.table(decision.candidates as unknown as Record<string, unknown>[], [
          'module_name',
          'eligible',
          'score',
          'performance_score',
          'capacity_utilization',
          'health_status',
          'excluded_because',
        ]);
      });
    },
  },
  {
    words: ['alerts', 'list'],
    usage: '[--state firing|resolved|all] [--limit N]',
    summary: 'Monitoring alerts, newest first',
    options: { state: { type: 'string' }, limit: { type: 'string' } },
    async run({ client, out, values }) {
      const page = await client.request('get', '/api/v1/monitoring/alerts', {
        query: { state: str(values, 'state') as never, limit: int(values, 'limit', [1, 200]) },
      });
      out.result(page, () =>
        out.table(page.items as unknown as Record<string, unknown>[], [
          'alert_id',
          'rule',
          'subject',
          'severity',
          'state',
          'fired_at',
          'message',
        ]),
      );
    },
  },
  {
    words: ['deliveries', 'list'],
    usage: '[--state PENDING|SENDING|SENT|FAILED|DEAD] [--limit N]',
    summary: 'Notification deliveries, newest first',
    options: { state: { type: 'string' }, limit: { type: 'string' } },
    async run({ client, out, values }) {
      const page = await client.request('get', '/api/v1/notifications/deliveries', {
        query: { state: str(values, 'state')?.toUpperCase() as never, limit: int(values, 'limit', [1, 200]) },
      });
      out.result(page, () =>
        out.table(page.items as unknown as Record<string, unknown>[], [
          'delivery_id',
          'event_type',
          'channel',
          'state',
          'attempts',
          'last_error',
          'created_at',
        ]),
      );
    },
  },
  {
    words: ['deliveries', 'replay'],
    usage: '<delivery_id>',
    summary: 'Send a delivery again (a dead-lettered one included)',
    async run(context) {
      const delivery = await context.client.request('post', '/api/v1/notifications/deliveries/{delivery_id}/replay', {
        params: { delivery_id: arg(context, 0, 'delivery_id') },
      });
      context.out.result(delivery, () =>
        context.out.line(`${delivery.delivery_id} ${delivery.state} (attempts ${delivery.attempts})`),
      );
    },
  },
  {
    words: ['mbox', 'import'],
    usage: '<file.mbox>',
    summary: 'Import an mbox file (each message as by POST /emails), with progress',
    run: (context) => importMbox(context.client, context.out, arg(context, 0, 'file')),
  },
  {
    words: ['backups', 'run'],
    usage: '[--no-wait]',
    summary: 'Run a full backup now and wait until it is verified (admin)',
    options: { 'no-wait': { type: 'boolean' } },
    async run({ client, out, values }) {
      let backup = await client.request('post', '/api/v1/backups', {});
      while (!values['no-wait'] && backup.status === 'RUNNING') {
        await new Promise((resolve) => setTimeout(resolve, 500));
        backup = await client.request('get', '/api/v1/backups/{backup_id}', {
          params: { backup_id: backup.backup_id },
        });
      }
      out.result(backup, () => out.fields(backup as unknown as Record<string, unknown>));
      return backup.status === 'FAILED' ? ExitCode.Failed : ExitCode.Ok;
    },
  },
  {
    words: ['backups', 'list'],
    usage: '[--limit N]',
    summary: 'Backups, newest first: file, size, verification (admin)',
    options: { limit: { type: 'string' } },
    async run({ client, out, values }) {
      const page = await client.request('get', '/api/v1/backups', { query: { limit: int(values, 'limit', [1, 200]) } });
      out.result(page, () =>
        out.table(page.items as unknown as Record<string, unknown>[], [
          'backup_id',
          'status',
          'verified',
          'file_name',
          'size_bytes',
          'duration_ms',
          'started_at',
        ]),
      );
    },
  },
  {
    words: ['monitoring', 'forecast'],
    usage: '[--target-seconds N]',
    summary: 'Per robot type: queue, arrivals, throughput, time to drain, slots needed, bottlenecks',
    options: { 'target-seconds': { type: 'string' } },
    async run({ client, out, values }) {
      const forecast = await client.request('get', '/api/v1/monitoring/forecast', {
        query: { target_seconds: int(values, 'target-seconds', [60, 604_800]) },
      });
      out.result(forecast, () => {
        out.table(
          forecast.robot_types.map((t) => ({
            robot_type: t.robot_type,
            queued: (t.queue as { queued?: number }).queued,
            arrivals_per_h: (t.arrivals as { forecast_next_hour?: number }).forecast_next_hour,
            throughput_per_h: t.throughput_per_hour,
            drain_seconds: (t.forecast as { drain_seconds?: number | null }).drain_seconds ?? 'never',
            capacity: (t.capacity as { reason?: string }).reason,
          })),
          ['robot_type', 'queued', 'arrivals_per_h', 'throughput_per_h', 'drain_seconds', 'capacity'],
        );
        for (const b of forecast.bottlenecks) out.line(`bottleneck ${b.kind}: ${b.detail}`);
      });
    },
  },
];

interface ImportLine {
  type: 'progress' | 'summary' | 'error';
  messages?: number;
  detail?: string;
  [outcome: string]: unknown;
}

async function importMbox(client: BotfleetClient, out: import('../output.js').Output, file: string): Promise<number> {
  const size = await stat(file).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read ${file}: ${error.code ?? error.message}`);
  });
  if (!size.isFile()) throw new UsageError(`${file} is not a file`);
  const total = await countMessages(file);
  const bar = out.progress('importing');
  bar.update(0, total, '', true);
  // A large file may take minutes: no request timeout, the server reports progress as it goes.
  const response = await client.http.raw({
    method: 'POST',
    path: '/api/v1/emails/import',
    body: Readable.toWeb(createReadStream(file)) as unknown as ReadableStream,
    contentType: 'application/mbox',
    signal: new AbortController().signal,
  });
  let summary: ImportLine | undefined;
  let stopped: ImportLine | undefined;
  const lines = createInterface({ input: Readable.fromWeb(response.body as never) });
  for await (const raw of lines) {
    if (!raw.trim()) continue;
    const line = JSON.parse(raw) as ImportLine;
    if (line.type === 'progress') bar.update(line.messages ?? 0, total);
    else if (line.type === 'summary') summary = line;
    else if (line.type === 'error') stopped = line;
  }
  bar.update(summary?.messages ?? 0, total, '', true);
  bar.end();
  if (stopped || !summary) {
    out.result(stopped ?? { type: 'error' }, () => {});
    throw new Error(stopped?.detail ?? 'the import ended without a summary');
  }
  const { type: _type, refused, ...counts } = summary as ImportLine & { refused?: { index: number; reason: string }[] };
  out.result(summary, () => {
    out.fields(counts);
    for (const refusal of refused ?? []) out.line(`  message ${refusal.index}: ${refusal.reason}`);
  });
  return (refused?.length ?? 0) > 0 || Number(summary.REJECTED ?? 0) > 0 ? ExitCode.Failed : ExitCode.Ok;
}

/** mbox messages start with a "From " line; counted first so the bar has a total. */
async function countMessages(file: string): Promise<number> {
  let count = 0;
  for await (const line of createInterface({ input: createReadStream(file) })) if (line.startsWith('From ')) count++;
  return count;
}
