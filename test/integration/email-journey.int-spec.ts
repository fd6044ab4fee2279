import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { rfc822 } from '../factories/email.factory.js';
import { Dovecot, type DovecotUser } from '../support/dovecot.js';
import { eventually } from '../support/eventually.js';
import { api } from '../support/notifications.js';
import { startApp, type TestApp } from '../support/test-app.js';

const ENV = {
  DATABASE_URL: process.env.TEST_DATABASE_URL,
  REDIS_URL: process.env.TEST_REDIS_URL,
  CACHE_KEY_PREFIX: `${process.env.TEST_CACHE_PREFIX}_email_journey`,
  EMAIL_MAILBOX_LEASE_MS: '3000',
  EMAIL_WATCHDOG_TIMEOUT_MS: '2000',
  EMAIL_IDLE_RESTART_SECONDS: '5',
  EMAIL_POLL_INTERVAL_SECONDS: '30',
  EMAIL_RECONNECT_MAX_DELAY_MS: '1000',
};

// eslint-disable-next-line no-console -- the figures are this test's output, quoted in reports
const report = (line: string) => console.log(line);

/**
 * The whole email path with nothing stood in for: a private Dovecot, the real watcher, the real
 * ingestor (parse, classify by rule, extract, the one transaction), real robots on PostgreSQL.
 * Whatever the server does (killed mid-stream, UIDVALIDITY changed), each message is one email
 * and one robot.
 */
describe('email from an IMAP mailbox to robots (PostgreSQL + Dovecot)', () => {
  const user: DovecotUser = { user: 'journey', password: 'pw-journey-S3cret' };
  let dovecot: Dovecot;
  let t: TestApp;
  let mailboxId: string;
  const sent: string[] = [];
  let sequence = 0;
  const runId = Date.now().toString(36);

  const invoice = () => {
    const messageId = `journey.${runId}.${++sequence}@vendor.example`;
    sent.push(messageId);
    return rfc822({
      messageId,
      subject: `Invoice INV-${runId}-${sequence}`,
      body: `Please pay invoice INV-${runId}-${sequence}: 120,00 EUR to IBAN ES91 2100 0418 4502 0005 1332.`,
    });
  };
  const countsOf = async () => {
    const { rows } = await t.db.query<{ emails: string; robots: string; distinct_ids: string }>(
      `SELECT count(*) AS emails, count(DISTINCT e.message_id) AS distinct_ids, count(r.robot_id) AS robots
         FROM emails e LEFT JOIN robots r ON r.robot_id = e.robot_id
        WHERE e.message_id = ANY($1)`,
      [sent],
    );
    return { emails: Number(rows[0].emails), distinct: Number(rows[0].distinct_ids), robots: Number(rows[0].robots) };
  };
  const robotsFor = async () =>
    Number(
      (
        await t.db.query<{ n: string }>(`SELECT count(*) AS n FROM robots WHERE input_data->>'message_id' = ANY($1)`, [
          sent,
        ])
      ).rows[0].n,
    );

  beforeAll(async () => {
    dovecot = await Dovecot.start([user]);
    t = await startApp(ENV);
    await t.db
      .query(`INSERT INTO email_classes (class_name, robot_type, priority) VALUES ('invoice', 'invoice_processing', 'HIGH')
                        ON CONFLICT DO NOTHING`);
    await t.db.query(`INSERT INTO email_rules (name, position, conditions, class_name, mode)
                      VALUES ('journey invoices', 1, '{"subject_pattern": "^Invoice INV-"}', 'invoice', 'override')
                      ON CONFLICT DO NOTHING`);
    const created = await api(t)<{ mailbox_id: string }>('POST', '/api/v1/email/mailboxes', {
      name: `journey-${runId}`,
      host: '127.0.0.1',
      port: dovecot.port,
      secure: false,
      username: user.user,
      password: user.password,
    });
    expect(created.status).toBe(201);
    mailboxId = created.body.mailbox_id;
  }, 60_000);

  afterAll(async () => {
    // Other files share this database: leave them no mailbox to watch.
    if (mailboxId) await api(t)('DELETE', `/api/v1/email/mailboxes/${mailboxId}`);
    await t?.close();
    await dovecot?.close();
  }, 60_000);

  it('turns each message appended while idle into one email and one robot, within about a second', async () => {
    await eventually(
      async () => (await api(t)<{ health: string }>('GET', `/api/v1/email/mailboxes/${mailboxId}`)).body.health,
      (health) => health === 'HEALTHY',
      10_000,
    );
    await sleep(500);
    const latencies: number[] = [];
    for (let i = 0; i < 10; i++) {
      const appended = performance.now();
      await dovecot.append(user, [invoice()]);
      const id = sent.at(-1)!;
      await eventually(
        async () => (await t.db.query(`SELECT robot_id FROM emails WHERE message_id = $1`, [id])).rows[0]?.robot_id,
        (robotId) => Boolean(robotId),
        10_000,
      );
      latencies.push(performance.now() - appended);
    }
    latencies.sort((a, b) => a - b);
    report(`IMAP to robot: p50 ${latencies[5].toFixed(0)} ms, max ${latencies[9].toFixed(0)} ms over 10 messages`);
    expect(await countsOf()).toEqual({ emails: 10, distinct: 10, robots: 10 });
    const robot = await t.db.query(
      `SELECT robot_type, priority, source_reference FROM robots WHERE input_data->>'message_id' = $1`,
      [sent[0]],
    );
    expect(robot.rows[0]).toMatchObject({ robot_type: 'invoice_processing', priority: 'HIGH' });
    expect(robot.rows[0].source_reference).toBe(`email:${sent[0]}`);
  }, 60_000);

  it('Dovecot killed mid-stream and restarted: every message one email and one robot, none twice', async () => {
    let appending = true;
    const confirmed: string[] = [];
    const appender = (async () => {
      while (appending) {
        const raw = invoice();
        try {
          await dovecot.append(user, [raw]);
          confirmed.push(sent.at(-1)!);
        } catch {
          await sleep(100); // the server died around it: stored or not
        }
        await sleep(40);
      }
    })();
    await sleep(800);
    await dovecot.kill();
    await sleep(1_500);
    await dovecot.restart();
    await sleep(1_500);
    appending = false;
    await appender;
    await eventually(
      async () =>
        Number(
          (
            await t.db.query<{ n: string }>(
              `SELECT count(*) AS n FROM emails WHERE message_id = ANY($1) AND robot_id IS NOT NULL`,
              [confirmed],
            )
          ).rows[0].n,
        ),
      (n) => n === confirmed.length,
      20_000,
    );
    const counts = await countsOf();
    report(`IMAP kill -9: ${confirmed.length} appends confirmed; ${counts.emails} emails, ${counts.robots} robots`);
    expect(counts.emails).toBe(counts.distinct);
    expect(counts.robots).toBe(counts.emails);
    expect(await robotsFor()).toBe(counts.emails);
  }, 90_000);

  it('UIDVALIDITY changed: the folder is read again and creates no email and no robot twice', async () => {
    const before = await countsOf();
    const robotsBefore = await robotsFor();
    const { after } = await dovecot.changeUidValidity(user);
    await eventually(
      async () =>
        (
          await api(t)<{ checkpoint: { uid_validity: number; last_uid: number } }>(
            'GET',
            `/api/v1/email/mailboxes/${mailboxId}`,
          )
        ).body.checkpoint,
      (checkpoint) => checkpoint.uid_validity === after && checkpoint.last_uid >= before.emails,
      20_000,
    );
    expect(await countsOf()).toEqual(before);
    expect(await robotsFor()).toBe(robotsBefore);
    const duplicates = await t.db.query<{ n: string }>(
      `SELECT count(*) AS n FROM email_audit WHERE mailbox_id = $1 AND step = 'ingest' AND outcome = 'duplicate'`,
      [mailboxId],
    );
    expect(Number(duplicates.rows[0].n)).toBeGreaterThanOrEqual(before.emails);
  }, 60_000);
});
