import type { Command } from '../command.js';
import { arg, str } from '../command.js';

export const moduleCommands: Command[] = [
  {
    words: ['modules', 'list'],
    usage: '[--all] [--type ROBOT_TYPE]',
    summary: 'List modules (active ones unless --all)',
    options: { all: { type: 'boolean' }, type: { type: 'string' } },
    async run({ client, out, values }) {
      const modules = await client.request('get', '/api/v1/modules', {
        query: { include_inactive: values.all === true, robot_type: str(values, 'type') },
      });
      out.result(modules, () =>
        out.table(modules, [
          'module_name',
          'module_version',
          'supported_robot_types',
          'is_active',
          'health_status',
          'max_concurrent_robots',
        ]),
      );
    },
  },
  {
    words: ['modules', 'show'],
    usage: '<module_name>',
    summary: 'One module with its health and performance figures',
    async run(context) {
      const module = await context.client.request('get', '/api/v1/modules/{module_name}', {
        params: { module_name: arg(context, 0, 'module_name') },
      });
      context.out.result(module, () => context.out.fields(module));
    },
  },
  {
    words: ['modules', 'deactivate'],
    usage: '<module_name>',
    summary: 'Take a module out of routing (its history stays)',
    async run(context) {
      const name = arg(context, 0, 'module_name');
      await context.client.request('delete', '/api/v1/modules/{module_name}', { params: { module_name: name } });
      context.out.result({ module_name: name, is_active: false }, () => context.out.line(`deactivated ${name}`));
    },
  },
];
