import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { BotfleetClient, PermanentError, Worker } from '../../packages/client/src/index.js';
import { mbox, rfc822 } from '../factories/email.factory.js';
import { runCli } from '../support/cli-process.js';
import { type ServiceProcess, spawnService } from '../support/service-process.js';
import { GENEROUS_LIMITS, TEST_ADMIN_KEY, tempDir } from '../support/test-app.js';

/** The `botfleet` CLI (packages/client/dist/cli/main.js) as a process against the built service. */
describe('the botfleet CLI against the real server', () => {
  const dir = tempDir();
  const files = tempDir('botfleet-cli-files-');
  let service: ServiceProcess;
  let url: string;
  let env: Record<string, string>;
  let client: BotfleetClient;
  const workers: Worker[] = [];

  beforeAll(async () => {
    service = spawnService({
      DATA_DIR: dir.path,
      BOOTSTRAP_ADMIN_KEY: TEST_ADMIN_KEY,
      EMAIL_MAILBOXES_ENABLED: 'false',
      ...GENEROUS_LIMITS,
    });
    url = await service.ready;
    env = { BOTFLEET_URL: url, BOTFLEET_API_KEY: TEST_ADMIN_KEY };
    client = new BotfleetClient({ baseUrl: url, apiKey: TEST_ADMIN_KEY });
  }, 300_000);

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop({ timeoutMs: 1_000 })));
    service?.child.kill('SIGTERM');
    await service?.exited;
    dir.remove();
    files.remove();
  }, 60_000);

  const file = (name: string, text: string | Buffer) => {
    const path = join(files.path, name);
    writeFileSync(path, text);
    return path;
  };
  const freePort = () =>
    new Promise<number>((ok) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => ok(port));
      });
    });
  /** What a terminal shows: each carriage return starts a redrawn frame. */
  const frames = (output: string) =>
    output
      // eslint-disable-next-line no-control-regex -- the erase-line sequence the bar redraws with
      .replace(/\x1b\[2K/g, '')
      .split(/\r\n|\r|\n/)
      .filter(Boolean);

  it('submits 1,000 robots from a JSON Lines file with a progress bar in a terminal', async () => {
    const lines = Array.from({ length: 1_000 }, (_, i) =>
      JSON.stringify({ robot_type: 'cli_bulk', input_data: { n: i }, correlation_id: `bulk-${i}` }),
    );
    const path = file('robots.jsonl', `${lines.join('\n')}\n`);

    const run = await runCli(['robots', 'submit-many', path, '--batch-size', '100'], env, { tty: true });
    expect(run.code).toBe(0);
    const shown = frames(run.stdout);
    const bars = shown.filter((line) => line.startsWith('submitting ['));
    // Redrawn as batches go in: the first frame at 0, the last complete, distinct counts between.
    expect(bars[0]).toMatch(/^submitting \[-{30}\] 0\/1000 0%/);
    expect(bars.at(-1)).toMatch(/^submitting \[#{30}\] 1000\/1000 100%/);
    expect(new Set(bars.map((bar) => /\] (\d+)\//.exec(bar)?.[1])).size).toBeGreaterThanOrEqual(5);
    expect(shown).toContainEqual(expect.stringMatching(/^submitted 1000 of 1000 robots from .*robots\.jsonl in /));
    expect(shown).toContainEqual(expect.stringContaining('warning: no module handles cli_bulk yet'));

    const page = await client.request('get', '/api/v1/robots', { query: { robot_type: 'cli_bulk', limit: 200 } });
    expect(page.items).toHaveLength(200);
    const last = await client.request('get', '/api/v1/robots', {
      query: { correlation_id: 'bulk-999', robot_type: 'cli_bulk' },
    });
    expect(last.items.map((robot) => [robot.input_data, robot.status])).toEqual([[{ n: 999 }, 'PENDING']]);
  });

  it('reports each refused line of a CSV by its line number, submits the rest, and exits 8', async () => {
    const path = file(
      'robots.csv',
      [
        'robot_type,priority,case,note',
        'cli_csv,HIGH,C-1,"first, with a comma"',
        'cli_csv,URGENT,C-2,bad priority',
        'cli_csv,LOW,C-3,"a ""quoted"" note"',
        'cli_csv,LOW,C-4',
        '',
      ].join('\n'),
    );
    const run = await runCli(['robots', 'submit-many', path, '--json'], env);
    expect(run.code).toBe(8);
    const summary = JSON.parse(run.stdout) as {
      submitted: number;
      failed: { line: number; error: string }[];
      robot_ids: string[];
    };
    expect(summary.submitted).toBe(2);
    expect(summary.failed).toEqual([
      { line: 3, error: 'priority must be one of LOW, NORMAL, HIGH, CRITICAL' },
      { line: 5, error: '3 columns, the header has 4' },
    ]);
    const robots = await Promise.all(summary.robot_ids.map((id) => client.getRobot(id)));
    expect(robots.map((robot) => [robot.priority, robot.input_data])).toEqual([
      ['HIGH', { case: 'C-1', note: 'first, with a comma' }],
      ['LOW', { case: 'C-3', note: 'a "quoted" note' }],
    ]);
    // Not a terminal: no bar drawn.
    expect(run.stderr).not.toContain('submitting [');
  });

  it('names the line the server refuses inside an otherwise good batch', async () => {
    const path = file(
      'mixed.jsonl',
      [
        JSON.stringify({ robot_type: 'cli_mixed', input_data: { ok: 1 } }),
        JSON.stringify({ robot_type: 'cli_mixed', input_data: { ok: 2 }, retry_limit: 99 }),
        JSON.stringify({ robot_type: 'cli_mixed', input_data: { ok: 3 } }),
      ].join('\n'),
    );
    const run = await runCli(['robots', 'submit-many', path], env);
    expect(run.code).toBe(8);
    expect(run.stdout.split('\n')).toEqual([
      expect.stringMatching(/^submitted 2 of 3 robots from .*mixed\.jsonl in [\d.]+ s; 1 failed:$/),
      '  line 2: 400 The request is not valid. (retry_limit must not be greater than 10)',
      '',
    ]);
  });

  it('watches a robot to completion with a progress bar of its steps', async () => {
    const w = new Worker({
      client,
      module: 'CliStepper',
      register: { version: '1.0.0', robotTypes: ['cli_steps'] },
      pollWaitMs: 1_000,
      handler: async (input, context) => {
        if (input.fail) throw new PermanentError('the form is missing its signature');
        for (const percentage of [25, 50, 75]) {
          await context.step(`STEP_${percentage}`);
          await context.progress(percentage);
          await sleep(700);
        }
        return { stepped: true };
      },
    });
    workers.push(w);
    await w.start();
    const submitted = await runCli(['robots', 'submit', '--type', 'cli_steps', '--input', '{"n":1}', '--json'], env);
    expect(submitted.code).toBe(0);
    const { robot_id } = JSON.parse(submitted.stdout) as { robot_id: string };

    const run = await runCli(['robots', 'watch', robot_id, '--interval', '150'], env, { tty: true });
    expect(run.code).toBe(0);
    const shown = frames(run.stdout);
    const percentages = shown.flatMap((line) => /^\S+ PROCESSING +\[[#-]{30}\] (\d+)%/.exec(line)?.[1] ?? []);
    expect(new Set(percentages)).toEqual(new Set(['25', '50', '75']));
    expect(shown).toContainEqual(expect.stringMatching(/PROCESSING +\[#{15}-{15}\] 50% STEP_50 \d+s$/));
    expect(shown).toContainEqual(
      expect.stringMatching(new RegExp(`^${robot_id} COMPLETED in [\\d.]+ s \\(attempts: 1, CliStepper\\)$`)),
    );
    expect(shown).toContainEqual('output: {"stepped":true}');

    const failing = await client.createRobot({ robot_type: 'cli_steps', input_data: { fail: true } });
    const failed = await runCli(['robots', 'watch', failing.robot_id, '--interval', '150'], env);
    expect(failed.code).toBe(8);
    expect(failed.stdout).toMatch(/FAILED .*: VALIDATION the form is missing its signature\n$/);
  });

  it('manages keys: create, list, rotate and revoke; the revoked key is refused with exit 4', async () => {
    const created = await runCli(['keys', 'create', '--name', 'cli-reader', '--scopes', 'robots:read', '--json'], env);
    expect(created.code).toBe(0);
    const key = JSON.parse(created.stdout) as { key_id: string; api_key: string };
    expect(key.api_key).toMatch(/^bf_[0-9a-f]{8}_/);
    const asReader = { BOTFLEET_URL: url, BOTFLEET_API_KEY: key.api_key };
    expect((await runCli(['robots', 'list', '--limit', '1'], asReader)).code).toBe(0);

    const listed = await runCli(['keys', 'list'], env);
    expect(listed.stdout).toMatch(new RegExp(`^${key.key_id} +cli-reader +[0-9a-f]{8} +robots:read +- +active`, 'm'));
    expect(listed.stdout).not.toContain(key.api_key.slice(12));

    const rotated = await runCli(['keys', 'rotate', key.key_id, '--json'], env);
    const successor = JSON.parse(rotated.stdout) as { key_id: string; api_key: string; scopes: string[] };
    expect([rotated.code, successor.scopes, successor.key_id === key.key_id]).toEqual([0, ['robots:read'], false]);

    const revoked = await runCli(['keys', 'revoke', successor.key_id], env);
    expect([revoked.code, revoked.stdout]).toEqual([0, `revoked ${successor.key_id} (cli-reader)\n`]);
    const refused = await runCli(['robots', 'list'], { BOTFLEET_URL: url, BOTFLEET_API_KEY: successor.api_key });
    expect(refused.code).toBe(4);
    // A reader may not write: 403, the same exit code, a different line.
    const forbidden = await runCli(['robots', 'submit', '--type', 'x'], asReader);
    expect([forbidden.code, forbidden.stderr]).toEqual([4, expect.stringMatching(/^botfleet: 403 /)]);
  });

  it('runs a backup to the end and lists it; prints the forecast', async () => {
    const run = await runCli(['backups', 'run', '--json'], env);
    expect(run.code).toBe(0);
    const backup = JSON.parse(run.stdout) as { backup_id: string; status: string; verified: boolean; kind: string };
    expect(backup).toMatchObject({ status: 'SUCCEEDED', verified: true, kind: 'pglite_datadir' });
    const listed = await runCli(['backups', 'list'], env);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(backup.backup_id);
    expect(listed.stdout.split('\n')[0]).toMatch(/^BACKUP_ID +STATUS +VERIFIED +FILE_NAME/);

    await client.createRobot({ robot_type: 'cli_forecast', input_data: {} });
    const forecast = await runCli(['monitoring', 'forecast'], env);
    expect(forecast.code).toBe(0);
    expect(forecast.stdout).toMatch(/^cli_forecast +1 +/m);
    expect(forecast.stdout).toMatch(/^bottleneck no_eligible_module: .*cli_forecast/m);
  }, 120_000);

  it('lists, shows and deactivates modules; routing dry run; imports an mbox with progress', async () => {
    await client.registerModule({
      module_name: 'CliRoutable',
      module_version: '2.0.0',
      supported_robot_types: ['cli_route'],
    });
    const routed = await runCli(['routing', 'select', 'cli_route', '--json'], env);
    expect([routed.code, (JSON.parse(routed.stdout) as { selected_module: string }).selected_module]).toEqual([
      0,
      'CliRoutable',
    ]);
    const shown = await runCli(['modules', 'show', 'CliRoutable'], env);
    expect(shown.stdout).toMatch(/^module_version: +2\.0\.0$/m);
    expect((await runCli(['modules', 'deactivate', 'CliRoutable'], env)).stdout).toBe('deactivated CliRoutable\n');
    const active = await runCli(['modules', 'list', '--json'], env);
    expect((JSON.parse(active.stdout) as { module_name: string }[]).map((m) => m.module_name)).not.toContain(
      'CliRoutable',
    );
    const none = await runCli(['routing', 'select', 'cli_route'], env);
    expect(none.stdout.split('\n')[0]).toBe('cli_route: no eligible module (strategy weighted)');

    const messages = Array.from({ length: 40 }, (_, i) => rfc822({ subject: `Invoice ${i}` }));
    const path = file('inbox.mbox', mbox(messages));
    const imported = await runCli(['mbox', 'import', path], env, { tty: true });
    expect(imported.code).toBe(0);
    const lines = frames(imported.stdout);
    expect(lines[0]).toMatch(/^importing \[-{30}\] 0\/40 0%/);
    expect(lines).toContainEqual(expect.stringMatching(/^importing \[#{30}\] 40\/40 100%/));
    expect(lines).toContainEqual(expect.stringMatching(/^messages: +40$/));
  });

  it("runs as the root package's bin: npx botfleet", async () => {
    const npx = spawn('npx', ['--offline', 'botfleet', 'modules', 'list', '--json'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    npx.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const code = await new Promise((ok) => npx.on('close', ok));
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { module_name: string }[]).map((m) => m.module_name)).toContain('TextStatsModule');
  });

  describe('error paths: one line on stderr, nothing on stdout, a distinct exit code', () => {
    const expectOneLine = (
      run: { code: number | null; stdout: string; stderr: string },
      code: number,
      line: RegExp,
    ) => {
      expect([run.code, run.stdout]).toEqual([code, '']);
      expect(run.stderr.split('\n')).toEqual([expect.stringMatching(line), '']);
      expect(run.stderr).not.toContain(TEST_ADMIN_KEY.slice(12));
    };

    it('unreachable server: 3', async () => {
      const dead = `http://127.0.0.1:${await freePort()}`;
      const run = await runCli(['robots', 'list'], { ...env, BOTFLEET_URL: dead });
      expectOneLine(
        run,
        3,
        new RegExp(`^botfleet: cannot reach ${dead}: connection refused \\(is the server running\\?\\)$`),
      );
    });

    it('bad key: 4, with where to fix it', async () => {
      const run = await runCli(['robots', 'list'], {
        ...env,
        BOTFLEET_API_KEY: 'bf_00000000_not-a-real-key-0123456789abcdefghij',
      });
      expectOneLine(
        run,
        4,
        /^botfleet: 401 .*\[AUTH_INVALID_KEY\] \(check --api-key, BOTFLEET_API_KEY or the config file\)$/,
      );
      expect(run.stderr).not.toContain('not-a-real-key');
    });

    it('no key at all: 2', async () => {
      const run = await runCli(['robots', 'list'], { BOTFLEET_URL: url, HOME: files.path });
      expectOneLine(run, 2, /^botfleet: no API key: pass --api-key, set BOTFLEET_API_KEY/);
    });

    it('not found: 5 with the problem code', async () => {
      expectOneLine(
        await runCli(['robots', 'show', 'NOPE_1_1'], env),
        5,
        /^botfleet: 404 No robot NOPE_1_1\. \[ROBOT_NOT_FOUND\]$/,
      );
    });

    it('invalid input refused by the server (problem details): 6', async () => {
      const run = await runCli(['robots', 'submit', '--type', 't', '--priority', 'urgent'], env);
      expectOneLine(
        run,
        6,
        /^botfleet: 400 The request is not valid\. \(priority must be one of .*\) \[VALIDATION_FAILED\]$/,
      );
      const retry = await client.createRobot({ robot_type: 'cli_nobody', input_data: {} });
      expectOneLine(await runCli(['robots', 'retry', retry.robot_id], env), 6, /^botfleet: 409 /);
    });

    it('usage errors: 2 (unknown command, unknown flag, bad JSON, unreadable file, bad config file)', async () => {
      expectOneLine(
        await runCli(['robots', 'frob'], env),
        2,
        /^botfleet: unknown command "robots frob": robots has submit, /,
      );
      expectOneLine(
        await runCli(['robots', 'submit', '--bogus'], env),
        2,
        /^botfleet: Unknown option '--bogus' \(botfleet robots submit --help\)$/,
      );
      expectOneLine(
        await runCli(['robots', 'submit', '--type', 't', '--input', '{x'], env),
        2,
        /^botfleet: --input is not valid JSON: /,
      );
      expectOneLine(
        await runCli(['robots', 'submit-many', join(files.path, 'absent.jsonl')], env),
        2,
        /^botfleet: cannot read .*absent\.jsonl: ENOENT$/,
      );
      const broken = file('broken.json', '{"url": ');
      expectOneLine(
        await runCli(['modules', 'list', '--config', broken], env),
        2,
        /^botfleet: config file .*broken\.json is not valid JSON: /,
      );
    });
  });

  it('reads the URL and key from a config file; flags and the environment override it', async () => {
    const config = file('config.json', JSON.stringify({ url, api_key: TEST_ADMIN_KEY }));
    const fromFile = await runCli(['modules', 'list', '--config', config, '--json'], {});
    expect(fromFile.code).toBe(0);
    expect(Array.isArray(JSON.parse(fromFile.stdout))).toBe(true);
    // The default location, under $XDG_CONFIG_HOME.
    const xdg = join(files.path, 'xdg');
    mkdirSync(join(xdg, 'botfleet'), { recursive: true });
    writeFileSync(join(xdg, 'botfleet', 'config.json'), JSON.stringify({ url, api_key: TEST_ADMIN_KEY }));
    expect((await runCli(['modules', 'list'], { XDG_CONFIG_HOME: xdg })).code).toBe(0);
    const envWins = await runCli(['modules', 'list'], {
      XDG_CONFIG_HOME: xdg,
      BOTFLEET_API_KEY: 'bf_00000000_env-key-wins-0123456789abcdefghijkl',
    });
    expect(envWins.code).toBe(4);
    const flagWins = await runCli(['modules', 'list', '--url', `http://127.0.0.1:${await freePort()}`], {
      XDG_CONFIG_HOME: xdg,
    });
    expect(flagWins.code).toBe(3);
  });
});
