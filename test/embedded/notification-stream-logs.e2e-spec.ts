import { afterAll, describe, expect, it } from '@jest/globals';
import { type ServiceProcess, spawnService } from '../support/service-process.js';
import { openStream } from '../support/sse-client.js';
import { http, tempDir } from '../support/test-app.js';

const ADMIN_KEY = 'bf_5ec0de02_stream-admin-key-Wq7v3Lm2Xw7Tn4Ks9Rb6Yc1Hd5Jf0Gz';

/** The built service (`node dist/src/main.js`), its output captured: the stream's requests in the log. */
describe('the notifications stream in the service log', () => {
  const dir = tempDir();
  let service: ServiceProcess | undefined;
  afterAll(async () => {
    if (service && service.child.exitCode === null) service.child.kill('SIGTERM');
    await service?.exited;
    dir.remove();
  });

  it('logs each stream request without the key, even one pasted into the URL', async () => {
    service = spawnService({ DATA_DIR: dir.path, LOG_LEVEL: 'info', BOOTSTRAP_ADMIN_KEY: ADMIN_KEY });
    const url = await service.ready;
    const stream = await openStream(`${url}/api/v1/notifications/stream?audience=admins`, { key: ADMIN_KEY });
    expect(stream.status).toBe(200);
    stream.close();
    await stream.ended;
    // EventSource-style auth is no auth (401; with a header key, the unknown parameter is a 400),
    // and the refusals' log lines name the URL.
    const pasted = await http(`${url}/api/v1/notifications/stream?api_key=${ADMIN_KEY}`, { key: null });
    expect(pasted.status).toBe(401);
    const encoded = await http(`${url}/api/v1/notifications/stream?api_key=${encodeURIComponent(ADMIN_KEY)}`, {
      key: ADMIN_KEY,
    });
    expect(encoded.status).toBe(400);

    service.child.kill('SIGTERM');
    const { stdout, stderr } = await service.exited;
    const lines = `${stdout}\n${stderr}`.split('\n').filter(Boolean);
    const streamLines = lines.filter(
      (line) => line.includes('"req":') && line.includes('/api/v1/notifications/stream'),
    );
    // The lines are there (so the search below looks at real ones): the stream, then the two refusals.
    expect(streamLines.map((line) => (JSON.parse(line) as { req: { url: string } }).req.url)).toEqual([
      '/api/v1/notifications/stream?audience=admins',
      '/api/v1/notifications/stream?api_key=bf_5ec0de02_[redacted]',
      '/api/v1/notifications/stream?api_key=bf_5ec0de02_[redacted]',
    ]);
    expect(lines.filter((line) => line.includes(ADMIN_KEY.slice(12)))).toEqual([]);
  });
});
