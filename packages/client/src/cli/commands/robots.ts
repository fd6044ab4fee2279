import { readFileSync } from 'node:fs';
import type { CreateRobot, Robot } from '../../client.js';
import type { Command } from '../command.js';
import { arg, int, json, str } from '../command.js';
import { UsageError } from '../exit-codes.js';
import { submitMany } from './submit-many.js';
import { watchRobot } from './watch.js';

const ROBOT_COLUMNS = ['robot_id', 'robot_type', 'status', 'module_name', 'priority', 'retry_count', 'created_at'];

export const robotCommands: Command[] = [
  {
    words: ['robots', 'submit'],
    usage: '--type ROBOT_TYPE [--input JSON | --input-file FILE] [--priority P] [--idempotency-key K]',
    summary: 'Submit one robot',
    options: {
      type: { type: 'string' },
      input: { type: 'string' },
      'input-file': { type: 'string' },
      priority: { type: 'string' },
      'correlation-id': { type: 'string' },
      deadline: { type: 'string' },
      'idempotency-key': { type: 'string' },
    },
    async run({ client, out, values }) {
      const type = str(values, 'type');
      if (!type) throw new UsageError('robots submit needs --type');
      const file = str(values, 'input-file');
      const input = file ? json(readText(file), file) : json(str(values, 'input') ?? '{}', '--input');
      const body: CreateRobot = { robot_type: type, input_data: input };
      if (str(values, 'priority')) body.priority = str(values, 'priority')!.toUpperCase() as CreateRobot['priority'];
      if (str(values, 'correlation-id')) body.correlation_id = str(values, 'correlation-id');
      if (str(values, 'deadline')) body.deadline = str(values, 'deadline');
      const robot = await client.createRobot(body, str(values, 'idempotency-key'));
      out.result(robot, () => {
        out.line(`${robot.robot_id} ${robot.status}${robot.module_name ? ` on ${robot.module_name}` : ''}`);
        const warnings = (robot as { warnings?: { message?: string }[] }).warnings ?? [];
        for (const warning of warnings) out.note(`warning: ${warning.message ?? JSON.stringify(warning)}`);
      });
    },
  },
  {
    words: ['robots', 'submit-many'],
    usage: '<file.csv|file.jsonl> [--type ROBOT_TYPE] [--format csv|jsonl] [--batch-size N]',
    summary: 'Submit robots from a CSV or JSON Lines file, with a progress bar and a summary of failures',
    options: { type: { type: 'string' }, format: { type: 'string' }, 'batch-size': { type: 'string' } },
    run: (context) => submitMany(context),
  },
  {
    words: ['robots', 'list'],
    usage: '[--status S] [--type T] [--module M] [--limit N]',
    summary: 'List robots, newest first',
    options: {
      status: { type: 'string' },
      type: { type: 'string' },
      module: { type: 'string' },
      limit: { type: 'string' },
    },
    async run({ client, out, values }) {
      const page = await client.request('get', '/api/v1/robots', {
        query: {
          status: str(values, 'status')?.toUpperCase() as never,
          robot_type: str(values, 'type'),
          module_name: str(values, 'module'),
          limit: int(values, 'limit', [1, 200]),
        },
      });
      out.result(page, () => out.table(page.items, ROBOT_COLUMNS));
    },
  },
  {
    words: ['robots', 'show'],
    usage: '<robot_id>',
    summary: 'A robot and its attempts',
    async run(context) {
      const id = arg(context, 0, 'robot_id');
      const [robot, executions] = await Promise.all([context.client.getRobot(id), context.client.executions(id)]);
      context.out.result({ ...robot, executions }, () => {
        context.out.fields(robot);
        context.out.line();
        context.out.table(executions, [
          'execute_id',
          'module_name',
          'execution_state',
          'current_step',
          'progress_percentage',
          'duration_ms',
          'error_category',
          'error_message',
        ]);
      });
    },
  },
  {
    words: ['robots', 'watch'],
    usage: '<robot_id> [--interval MS] [--timeout SECONDS]',
    summary: 'Follow a robot live (a progress bar of its steps) until it finishes',
    options: { interval: { type: 'string' }, timeout: { type: 'string' } },
    run: (context) => watchRobot(context),
  },
  {
    words: ['robots', 'cancel'],
    usage: '<robot_id> [--reason TEXT]',
    summary: 'Cancel a pending, retrying or running robot',
    options: { reason: { type: 'string' } },
    async run(context) {
      const robot = await context.client.cancelRobot(arg(context, 0, 'robot_id'), str(context.values, 'reason'));
      context.out.result(robot, () => context.out.line(describe(robot)));
    },
  },
  {
    words: ['robots', 'retry'],
    usage: '<robot_id>',
    summary: 'Retry a failed or cancelled robot',
    async run(context) {
      const robot = await context.client.request('post', '/api/v1/robots/{robot_id}/retry', {
        params: { robot_id: arg(context, 0, 'robot_id') },
      });
      context.out.result(robot, () => context.out.line(describe(robot)));
    },
  },
];

function describe(robot: Robot): string {
  return `${robot.robot_id} ${robot.status}${robot.module_name ? ` on ${robot.module_name}` : ''}`;
}

export function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}
