import type { Command } from '../command.js';
import { arg, int, str } from '../command.js';
import { UsageError } from '../exit-codes.js';

const KEY_COLUMNS = ['key_id', 'name', 'key_prefix', 'scopes', 'module_name', 'status', 'expires_at', 'last_used_at'];

/** The secret is printed by create and rotate only, once, as the server answers it. */
export const keyCommands: Command[] = [
  {
    words: ['keys', 'create'],
    usage: '--name NAME --scopes work,robots:read [--module NAME] [--rate-limit N] [--expires ISO]',
    summary: 'Issue an API key (its secret is shown once)',
    options: {
      name: { type: 'string' },
      scopes: { type: 'string' },
      module: { type: 'string' },
      'rate-limit': { type: 'string' },
      expires: { type: 'string' },
    },
    async run({ client, out, values }) {
      const name = str(values, 'name');
      const scopes = str(values, 'scopes');
      if (!name || !scopes) throw new UsageError('keys create needs --name and --scopes');
      const rate = int(values, 'rate-limit', [1, 1_000_000]);
      const key = await client.request('post', '/api/v1/api-keys', {
        body: {
          name,
          scopes: scopes.split(',').map((s) => s.trim()) as never,
          ...(str(values, 'module') ? { module_name: str(values, 'module') } : {}),
          ...(rate ? { rate_limit_per_minute: rate } : {}),
          ...(str(values, 'expires') ? { expires_at: str(values, 'expires') } : {}),
        },
      });
      out.result(key, () => {
        out.fields(key, ['key_id', 'name', 'scopes', 'module_name', 'expires_at']);
        out.line(`api_key: ${key.api_key}`);
        out.note('Store the key now: the server keeps only its hash and will not show it again.');
      });
    },
  },
  {
    words: ['keys', 'list'],
    usage: '[--all]',
    summary: 'List API keys (never their secrets); --all includes revoked ones',
    options: { all: { type: 'boolean' } },
    async run({ client, out, values }) {
      const keys = await client.request('get', '/api/v1/api-keys', { query: { include_revoked: values.all === true } });
      out.result(keys, () => out.table(keys, KEY_COLUMNS));
    },
  },
  {
    words: ['keys', 'revoke'],
    usage: '<key_id>',
    summary: 'Revoke a key',
    async run(context) {
      const key = await context.client.request('delete', '/api/v1/api-keys/{key_id}', {
        params: { key_id: arg(context, 0, 'key_id') },
      });
      context.out.result(key, () => context.out.line(`revoked ${key.key_id} (${key.name})`));
    },
  },
  {
    words: ['keys', 'rotate'],
    usage: '<key_id>',
    summary: 'Issue a successor with the same rights; the old key expires after the overlap',
    async run(context) {
      const key = await context.client.request('post', '/api/v1/api-keys/{key_id}/rotate', {
        params: { key_id: arg(context, 0, 'key_id') },
      });
      context.out.result(key, () => {
        context.out.fields(key, ['key_id', 'name', 'scopes', 'module_name']);
        context.out.line(`api_key: ${key.api_key}`);
        context.out.note(`The old key ${arg(context, 0, 'key_id')} keeps working until the rotation overlap ends.`);
      });
    },
  },
];
