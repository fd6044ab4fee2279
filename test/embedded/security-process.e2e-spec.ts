import { afterAll, describe, expect, it } from '@jest/globals';
import { type ServiceProcess, spawnService } from '../support/service-process.js';
import { http, tempDir } from '../support/test-app.js';

type Issued = { key_id: string; key_prefix: string; api_key: string };

const BOOTSTRAP_KEY = 'bf_5ec0de01_process-admin-key-Zq8v3Lm2Xw7Tn4Ks9Rb6Yc1Hd5Jf0Gp';
const PRINTED_KEY = /^ {2}(bf_[0-9a-f]{8}_[A-Za-z0-9_-]{32,128})$/gm;

/** Stops the service with SIGTERM and returns everything it wrote to stdout and stderr. */
async function stop(service: ServiceProcess): Promise<{ stdout: string; stderr: string }> {
  service.child.kill('SIGTERM');
  const { stdout, stderr } = await service.exited;
  return { stdout, stderr };
}

const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/** The built service (`node dist/src/main.js`) as an operator runs it, its output captured. */
describe('API key secrets in the service output', () => {
  const dirs: Array<{ path: string; remove(): void }> = [];
  const folder = () => {
    const dir = tempDir();
    dirs.push(dir);
    return dir.path;
  };
  const running: ServiceProcess[] = [];
  const spawn = (env: Record<string, string>) => {
    const service = spawnService(env);
    running.push(service);
    return service;
  };
  afterAll(async () => {
    for (const service of running) if (service.child.exitCode === null && !service.child.killed) await stop(service);
    dirs.forEach((dir) => dir.remove());
  });

  it('never writes a key to a log line, at LOG_LEVEL=info, whatever header carried it', async () => {
    const service = spawn({ DATA_DIR: folder(), LOG_LEVEL: 'info', BOOTSTRAP_ADMIN_KEY: BOOTSTRAP_KEY });
    const url = await service.ready;
    const created = await http<Issued>(`${url}/api/v1/api-keys`, {
      key: BOOTSTRAP_KEY,
      ...json({ name: 'logged worker', scopes: ['robots:read', 'work'] }),
    });
    expect(created.status).toBe(201);
    const secret = created.body.api_key;
    expect(secret).toMatch(/^bf_[0-9a-f]{8}_/);

    expect((await http(`${url}/api/v1/robots`, { key: secret })).status).toBe(200);
    expect(
      (await http(`${url}/api/v1/robots`, { key: null, headers: { Authorization: `Bearer ${secret}` } })).status,
    ).toBe(200);
    // Refused calls are logged at warn, with the header that carried the key.
    expect((await http(`${url}/api/v1/api-keys`, { key: secret })).status).toBe(403);
    const forged = `bf_${created.body.key_prefix}_${'F'.repeat(43)}`;
    expect((await http(`${url}/api/v1/robots`, { key: forged })).status).toBe(401);
    const garbage = 'not-a-key-but-secret-Hx9Qm2Vz';
    expect((await http(`${url}/api/v1/robots`, { key: garbage })).status).toBe(401);
    expect((await http(`${url}/api/v1/api-keys/${created.body.key_id}`, { key: BOOTSTRAP_KEY })).status).toBe(200);
    const rotated = await http<Issued>(`${url}/api/v1/api-keys/${created.body.key_id}/rotate`, {
      key: BOOTSTRAP_KEY,
      method: 'POST',
    });
    expect(rotated.status).toBe(201);
    expect((await http(`${url}/api/v1/robots`, { key: rotated.body.api_key })).status).toBe(200);

    const { stdout, stderr } = await stop(service);
    const output = `${stdout}\n${stderr}`;
    const lines = output.split('\n').filter(Boolean);
    // The request log is there (so the search below looks at real lines): one short line per request
    // with what an operator reads, the caller named by its key's public prefix, and no headers.
    const requestLines = lines.filter((line) => line.includes('"/api/v1/robots"'));
    expect(requestLines.length).toBeGreaterThanOrEqual(4);
    for (const line of requestLines) {
      expect(line.length).toBeLessThan(400);
      expect(JSON.parse(line)).toMatchObject({
        req: { id: expect.any(String), method: 'GET', url: '/api/v1/robots' },
        res: { statusCode: expect.any(Number) },
        responseTime: expect.any(Number),
      });
      expect(line).not.toMatch(/headers|x-api-key|authorization/i);
    }
    const served = requestLines.map((line) => JSON.parse(line) as { res: { statusCode: number }; key?: string });
    expect(served.filter((entry) => entry.res.statusCode === 200).map((entry) => entry.key)).toEqual([
      created.body.key_prefix,
      created.body.key_prefix,
      rotated.body.key_prefix,
    ]);
    for (const value of [BOOTSTRAP_KEY, secret, rotated.body.api_key, forged, garbage]) {
      const leaks = lines.filter((line) => line.includes(value) || line.includes(value.slice(12)));
      expect(leaks).toEqual([]);
    }
    // Nor anything generated: a key is printed only when the service generates one.
    expect(output).not.toMatch(PRINTED_KEY);
  });

  it('prints a generated admin key once, outside the JSON log, on the first start of an empty embedded database', async () => {
    const dataDir = folder();
    const first = spawn({ DATA_DIR: dataDir, LOG_LEVEL: 'info' });
    const stdoutSoFar = capture(first);
    const url = await first.ready;
    const printed = [...stdoutSoFar().matchAll(PRINTED_KEY)].map((m) => m[1]);
    expect(printed).toHaveLength(1);
    const [key] = printed;
    expect((await http(`${url}/api/v1/api-keys`, { key })).status).toBe(200);
    const firstOutput = await stop(first);
    const keyLines = `${firstOutput.stdout}\n${firstOutput.stderr}`.split('\n').filter((line) => line.includes(key));
    expect(keyLines).toEqual([`  ${key}`]);
    expect(firstOutput.stderr).not.toContain(key.slice(12));

    const second = spawn({ DATA_DIR: dataDir, LOG_LEVEL: 'info' });
    const url2 = await second.ready;
    // The key printed the first time still works; none is printed again.
    expect((await http(`${url2}/api/v1/api-keys`, { key })).status).toBe(200);
    const secondOutput = await stop(second);
    const all = `${secondOutput.stdout}\n${secondOutput.stderr}`;
    expect(all).not.toMatch(PRINTED_KEY);
    expect(all).not.toContain('generated an admin API key');
    expect(all).not.toContain(key.slice(12));
  });
});

/** Collects stdout as it comes (attached in the tick the process is spawned, so nothing is missed). */
function capture(service: ServiceProcess): () => string {
  let text = '';
  service.child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return () => text;
}
