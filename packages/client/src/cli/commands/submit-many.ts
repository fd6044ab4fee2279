import { extname } from 'node:path';
import type { CreateRobot } from '../../client.js';
import { ApiError } from '../../errors.js';
import type { CommandContext } from '../command.js';
import { arg, int, str } from '../command.js';
import { ExitCode, UsageError } from '../exit-codes.js';
import { parseRobotFile } from '../robot-file.js';
import { readText } from './robots.js';

interface Failure {
  line: number;
  error: string;
}

/** Failures listed in the human summary; --json lists them all. */
const SHOWN_FAILURES = 20;

/**
 * Submits a file's robots in bulk calls (all or none per call). A call refused for its input is
 * split into single submits, so each bad line is named with the server's reason and the good ones
 * still go in; no answer, a bad key or a server error stops the run (what went in stays in).
 */
export async function submitMany({ client, out, args, values }: CommandContext): Promise<number> {
  const file = arg({ client, out, args, values }, 0, 'file');
  const format = (str(values, 'format') ?? (extname(file).toLowerCase() === '.csv' ? 'csv' : 'jsonl')) as string;
  if (format !== 'csv' && format !== 'jsonl') throw new UsageError('--format must be csv or jsonl');
  const batchSize = int(values, 'batch-size', [1, 1000]) ?? 100;
  const entries = parseRobotFile(readText(file), format, str(values, 'type'));
  if (entries.length === 0) throw new UsageError(`${file} holds no robots`);

  const failures: Failure[] = entries.flatMap((e) => ('error' in e ? [{ line: e.line, error: e.error }] : []));
  const valid = entries.flatMap((e) => ('robot' in e ? [{ line: e.line, robot: e.robot }] : []));
  const robotIds: string[] = [];
  const unknownTypes = new Set<string>();
  const bar = out.progress('submitting');
  const started = Date.now();
  let done = failures.length;
  bar.update(done, entries.length, '', true);
  try {
    for (let i = 0; i < valid.length; i += batchSize) {
      const batch = valid.slice(i, i + batchSize);
      try {
        const answer = await client.request('post', '/api/v1/robots/bulk', {
          body: { robots: batch.map((b) => b.robot) },
        });
        robotIds.push(...answer.robots.map((robot) => robot.robot_id));
        for (const warning of answer.warnings ?? []) unknownTypes.add(warning.robot_type);
      } catch (error) {
        if (!(error instanceof ApiError) || ![400, 413, 422].includes(error.status)) throw error;
        await submitOneByOne(batch, robotIds, failures, (id) => unknownTypes.add(id), client.createRobot.bind(client));
      }
      done += batch.length;
      bar.update(done, entries.length, failures.length ? `(${failures.length} failed)` : '');
    }
  } catch (error) {
    bar.end();
    out.note(`stopped after ${robotIds.length} robots went in (they stay in)`);
    throw error;
  }
  bar.update(done, entries.length, failures.length ? `(${failures.length} failed)` : '', true);
  bar.end();

  failures.sort((a, b) => a.line - b.line);
  const seconds = (Date.now() - started) / 1000;
  const summary = {
    file,
    total: entries.length,
    submitted: robotIds.length,
    failed: failures,
    unknown_robot_types: [...unknownTypes],
    seconds,
    robot_ids: robotIds,
  };
  out.result(summary, () => {
    out.line(
      `submitted ${robotIds.length} of ${entries.length} robots from ${file} in ${seconds.toFixed(1)} s` +
        (failures.length ? `; ${failures.length} failed:` : ''),
    );
    for (const failure of failures.slice(0, SHOWN_FAILURES)) out.line(`  line ${failure.line}: ${failure.error}`);
    if (failures.length > SHOWN_FAILURES)
      out.line(`  ... and ${failures.length - SHOWN_FAILURES} more (--json lists all)`);
    if (unknownTypes.size > 0)
      out.note(`warning: no module handles ${[...unknownTypes].join(', ')} yet: those robots wait for one`);
  });
  return failures.length > 0 ? ExitCode.Failed : ExitCode.Ok;
}

async function submitOneByOne(
  batch: { line: number; robot: CreateRobot }[],
  robotIds: string[],
  failures: Failure[],
  unknownType: (type: string) => void,
  create: (robot: CreateRobot) => Promise<{ robot_id: string; warnings?: { robot_type: string }[] }>,
): Promise<void> {
  for (const { line, robot } of batch) {
    try {
      const created = await create(robot);
      robotIds.push(created.robot_id);
      for (const warning of created.warnings ?? []) unknownType(warning.robot_type);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status >= 500 || [401, 403, 429].includes(error.status)) throw error;
      failures.push({ line, error: error.message });
    }
  }
}
