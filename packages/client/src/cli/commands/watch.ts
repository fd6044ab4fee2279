import { setTimeout as sleep } from 'node:timers/promises';
import type { Execution, Robot } from '../../client.js';
import type { CommandContext } from '../command.js';
import { arg, int } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { renderBar } from '../output.js';

const FINISHED = new Set<Robot['status']>(['COMPLETED', 'FAILED', 'CANCELLED']);

/**
 * Polls the robot and its latest attempt until the robot finishes. On a terminal: one line redrawn
 * in place, a bar of its progress (its percentage, else completed_steps of total_steps) with the
 * current step; otherwise a line per change. Exit 0 when it completed, Failed (8) when it failed or was cancelled.
 */
export async function watchRobot(context: CommandContext): Promise<number> {
  const { client, out, values } = context;
  const id = arg(context, 0, 'robot_id');
  const interval = int(values, 'interval', [100, 60_000]) ?? 1_000;
  const timeout = int(values, 'timeout', [1, 86_400]);
  const deadline = timeout ? Date.now() + timeout * 1000 : Infinity;
  const tty = Boolean(out.streams.stderr.isTTY) && !out.json;
  const started = Date.now();
  let last = '';
  for (;;) {
    const [read, executions] = await Promise.all([client.getRobot(id), client.executions(id)]);
    const attempt = latest(executions);
    const robot = settled(read, attempt);
    const line = describe(robot, attempt, (Date.now() - started) / 1000);
    if (tty) out.streams.stderr.write(`\r\x1b[2K${line}`);
    else if (line !== last && !out.json) out.note(line);
    last = line;
    if (FINISHED.has(robot.status)) {
      if (tty) out.streams.stderr.write('\n');
      out.result({ ...robot, executions }, () => {
        const took = attempt?.duration_ms != null ? ` in ${(attempt.duration_ms / 1000).toFixed(1)} s` : '';
        const why =
          robot.status === 'FAILED' ? `: ${robot.error_category ?? ''} ${attempt?.error_message ?? ''}`.trimEnd() : '';
        out.line(
          `${robot.robot_id} ${robot.status}${took} (attempts: ${executions.length}${robot.module_name ? `, ${robot.module_name}` : ''})${why}`,
        );
        if (robot.status === 'COMPLETED' && robot.output_data) out.line(`output: ${JSON.stringify(robot.output_data)}`);
      });
      return robot.status === 'COMPLETED' ? ExitCode.Ok : ExitCode.Failed;
    }
    if (Date.now() > deadline) {
      if (tty) out.streams.stderr.write('\n');
      out.note(`${id} is still ${robot.status} after ${timeout} s`);
      return ExitCode.Failed;
    }
    await sleep(interval);
  }
}

/**
 * GET /robots/:id is cached (60 s) and a read that races the completion can cache the row from
 * before it; the attempts are read from the table. An attempt that ended the robot (COMPLETED,
 * CANCELLED) wins over a robot still shown PROCESSING. A FAILED attempt does not: the robot may be
 * RETRYING or FAILED.
 */
function settled(robot: Robot, attempt: Execution | undefined): Robot {
  const ended = attempt?.execution_state === 'COMPLETED' || attempt?.execution_state === 'CANCELLED';
  return robot.status === 'PROCESSING' && ended
    ? { ...robot, status: attempt!.execution_state as Robot['status'] }
    : robot;
}

function latest(executions: Execution[]): Execution | undefined {
  return [...executions].sort((a, b) => Date.parse(b.started_at) - Date.parse(a.started_at))[0];
}

function describe(robot: Robot, attempt: Execution | undefined, seconds: number): string {
  const label = `${robot.robot_id} ${robot.status.padEnd(10)}`;
  if (!attempt || robot.status === 'PENDING' || robot.status === 'RETRYING') {
    return `${label} waiting${robot.retry_count ? ` (retry ${robot.retry_count} of ${robot.retry_limit})` : ''}`;
  }
  const total = attempt.total_steps ?? 0;
  const completed = robot.status === 'COMPLETED' ? total : (attempt.completed_steps ?? 0);
  const percentage =
    robot.status === 'COMPLETED' ? 100 : (attempt.progress_percentage ?? (total > 0 ? (100 * completed) / total : 0));
  const steps = total > 1 ? `step ${completed}/${total} ` : '';
  return renderBar(label, percentage, 100, 0, `${steps}${attempt.current_step ?? ''} ${seconds.toFixed(0)}s`, false);
}
