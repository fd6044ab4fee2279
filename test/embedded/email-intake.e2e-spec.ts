import { beforeAll, describe, expect, it } from '@jest/globals';
import { Scope } from '../../src/security/scopes.js';
import { issueKey } from '../factories/api-key.factory.js';
import { mbox, rfc822 } from '../factories/email.factory.js';
import { eventually } from '../support/eventually.js';
import { http, type HttpResult, TEST_ADMIN_KEY, useTestApp } from '../support/test-app.js';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const INVOICE_BODY = [
  'Dear team,',
  '',
  'Please find our invoice INV-2026-0042 for order PO-7781, due 15/12/2026.',
  'Total: 1.234,56 EUR. Pay to IBAN ES91 2100 0418 4502 0005 1332.',
  'Call me on +34 612 345 678 with any question.',
  '',
  'Best regards,',
  'Ana García',
].join('\r\n');

describe('email intake over REST (PGlite)', () => {
  const t = useTestApp({ EMAIL_MAILBOXES_ENABLED: 'false', EMAIL_MAX_BYTES: String(256 * 1024) });

  const post = (path: string, body: Buffer | string, type: string, key?: string) =>
    http<Body>(`${t.url}/api/v1${path}`, { method: 'POST', headers: { 'content-type': type }, body, key });
  const api = (path: string, method = 'GET', body?: unknown, key?: string): Promise<HttpResult<Body>> =>
    http<Body>(`${t.url}/api/v1${path}`, {
      method,
      key,
      ...(body !== undefined && { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
  const count = async (sql: string, params: unknown[] = []) => Number((await t.db.query(sql, params)).rows[0].n);
  const send = (message: Buffer, key?: string) => post('/emails', message, 'message/rfc822', key);

  beforeAll(async () => {
    // Classes and rules as the classification API writes them: invoices become robots, spam does not.
    await t.db.query(`INSERT INTO email_classes (class_name, robot_type, min_confidence, priority) VALUES
      ('invoice', 'invoice_processing', 0.6, 'HIGH'), ('spam', NULL, 0.6, 'NORMAL')`);
    await t.db.query(`INSERT INTO email_rules (name, position, conditions, class_name, mode) VALUES
      ('invoices by subject', 10, '{"subject_pattern": "invoice"}', 'invoice', 'override'),
      ('spam domain', 20, '{"domain": "spam.example"}', 'spam', 'override')`);
  });

  it('turns a classified email into one robot with its fields, thread and audit, in one transaction', async () => {
    const message = rfc822({
      subject: 'Invoice INV-2026-0042',
      body: INVOICE_BODY,
      references: '<root-1@vendor.example>',
    });
    const res = await send(message);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'ROBOT_CREATED', robot_id: expect.any(String) });
    expect(res.headers.get('location')).toBe(`/api/v1/emails/${res.body.email_id}`);

    const robot = (await api(`/robots/${res.body.robot_id}`)).body;
    expect(robot).toMatchObject({
      robot_type: 'invoice_processing',
      priority: 'HIGH',
      correlation_id: 'thread:root-1@vendor.example',
    });
    expect(robot.source_reference).toMatch(/^email:/);
    expect(robot.input_data).toMatchObject({
      email_id: res.body.email_id,
      class: { name: 'invoice', confidence: 1 },
      contains_sensitive_data: true,
    });
    expect(robot.input_data.extracted.invoice_numbers).toContain('INV-2026-0042');
    expect(robot.input_data.extracted.ibans).toContain('ES9121000418450200051332');

    const email = (await api(`/emails/${res.body.email_id}`)).body;
    expect(email).toMatchObject({ status: 'ROBOT_CREATED', class_name: 'invoice', robot_id: res.body.robot_id });
    expect(email.pii_tags).toEqual(expect.arrayContaining(['iban', 'phone']));
    expect(email.audit.map((step: Body) => step.step)).toEqual([
      'parse',
      'store',
      'extract',
      'pii',
      'classify',
      'robot',
    ]);
    expect(email.audit.find((s: Body) => s.step === 'classify').detail).toMatchObject({
      decided_by: 'rule',
      rule: 'invoices by subject',
    });
    // The event was written with the email: its consumers (notifications, OCR) hear of it.
    expect(
      await count(
        `SELECT count(*) AS n FROM events WHERE event_type = 'email.ingested' AND payload->>'email_id' = $1`,
        [res.body.email_id],
      ),
    ).toBe(1);
  });

  it('takes the same mail in once: again, through another relay, or five times at once', async () => {
    const spec = { subject: 'Invoice INV-2026-0099', body: INVOICE_BODY, messageId: 'dup-1@vendor.example' };
    const first = await send(rfc822(spec));
    expect(first.status).toBe(201);
    const again = await send(rfc822(spec));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      status: 'DUPLICATE',
      email_id: first.body.email_id,
      robot_id: first.body.robot_id,
    });
    // The same content without a Message-ID, relayed with other transport headers: the content hash.
    const relayed = {
      ...spec,
      messageId: null,
      received: ['from mx1.example by mx2.example; Tue, 01 Dec 2026 10:00:01 +0000'],
    };
    const viaA = await send(rfc822(relayed));
    const viaB = await send(rfc822({ ...relayed, received: ['from mx9.example by mx3.example'] }));
    expect(viaA.status).toBe(201);
    expect(viaB.body).toMatchObject({ status: 'DUPLICATE', email_id: viaA.body.email_id });

    const burst = rfc822({ subject: 'Invoice INV-2026-0100', body: INVOICE_BODY, messageId: 'burst@vendor.example' });
    const answers = await Promise.all(Array.from({ length: 5 }, () => send(burst)));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.body.status === 'DUPLICATE')).toHaveLength(4);
    expect(await count(`SELECT count(*) AS n FROM emails WHERE message_id = 'burst@vendor.example'`)).toBe(1);
    expect(
      await count(`SELECT count(*) AS n FROM robots WHERE input_data->>'message_id' = 'burst@vendor.example'`),
    ).toBe(1);
  });

  it('creates no robot for a class mapped to none, and records a correction as a training example', async () => {
    const res = await send(rfc822({ from: 'Deals <win@spam.example>', subject: 'You won', body: 'Click here' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'NO_ROBOT', robot_id: null });

    const labelled = await api(`/emails/${res.body.email_id}/label`, 'POST', { class_name: 'marketing' });
    expect(labelled.status).toBe(200);
    expect(labelled.body).toMatchObject({ label: 'marketing', status: 'NO_ROBOT' });
    const example = await t.db.query(`SELECT label, source, features FROM classifier_examples WHERE email_id = $1`, [
      res.body.email_id,
    ]);
    expect(example.rows).toEqual([expect.objectContaining({ label: 'marketing', source: 'feedback' })]);
    expect(example.rows[0].features).toContain('Click here');

    const bad = await api(`/emails/${res.body.email_id}/label`, 'POST', { class_name: 'no spaces allowed' });
    expect(bad.status).toBe(400);
  });

  it('sends an unsure email to review, and creates its robot once a person gives the class', async () => {
    const res = await send(rfc822({ subject: 'Question about my account', body: 'Where is my refund for PO-12?' }));
    expect(res.body).toMatchObject({ status: 'NEEDS_REVIEW', robot_id: null });
    const reviews = (await api(`/reviews?kind=email_class&status=PENDING`)).body.items as Body[];
    const review = reviews.find((r) => r.email_id === res.body.email_id)!;
    expect(review).toMatchObject({ email_url: `/api/v1/emails/${res.body.email_id}` });
    expect(review.subject.fields[0]).toMatchObject({ name: 'class_name' });
    expect(review.subject.email.excerpt).toContain('refund');

    const refused = await api(`/reviews/${review.review_id}`, 'POST', { fields: { class_name: 'not a class!' } });
    expect(refused.status).toBe(400);

    const answered = await api(`/reviews/${review.review_id}`, 'POST', { fields: { class_name: 'invoice' } });
    expect(answered.status).toBe(200);
    const email = await eventually(
      async () => (await api(`/emails/${res.body.email_id}`)).body,
      (body) => body.status === 'ROBOT_CREATED',
    );
    expect(email.status).toBe('ROBOT_CREATED');
    expect(email.label).toBe('invoice');
    expect((await api(`/robots/${email.robot_id}`)).body).toMatchObject({ robot_type: 'invoice_processing' });
    expect(
      await count(`SELECT count(*) AS n FROM classifier_examples WHERE email_id = $1 AND source = 'review'`, [
        res.body.email_id,
      ]),
    ).toBe(1);
  });

  it('keeps attachments by hash and serves them as downloads', async () => {
    const csv = Buffer.from('invoice,total\nINV-1,10.00\n');
    const res = await send(
      rfc822({
        subject: 'Invoice INV-2026-0200',
        body: INVOICE_BODY,
        attachments: [{ filename: '../../etc/lines.csv', type: 'text/csv', content: csv }],
      }),
    );
    const email = (await api(`/emails/${res.body.email_id}`)).body;
    expect(email.attachments).toEqual([
      expect.objectContaining({ position: 0, filename: 'lines.csv', media_type: 'text/csv', size_bytes: csv.length }),
    ]);
    const download = await fetch(`${t.url}/api/v1/emails/${res.body.email_id}/attachments/0`, {
      headers: { 'x-api-key': TEST_ADMIN_KEY },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/octet-stream');
    expect(download.headers.get('content-disposition')).toBe('attachment; filename="lines.csv"');
    expect(Buffer.from(await download.arrayBuffer())).toEqual(csv);
    expect((await api(`/emails/${res.body.email_id}/attachments/7`)).status).toBe(404);
  });

  it('records what it refuses, with the reason, and refuses what it cannot read at all', async () => {
    const junk = Buffer.from([0x00, 0xff, 0x13, 0x37, 0x00, 0x00, 0x89, 0x50]);
    const refused = await send(junk);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'EMAIL_REJECTED', email_id: expect.any(String) });
    expect((await api(`/emails/${refused.body.email_id}`)).body).toMatchObject({
      status: 'REJECTED',
      reject_reason: expect.stringMatching(/^not_an_email/),
    });
    expect((await send(junk)).body).toMatchObject({ status: 'DUPLICATE', email_id: refused.body.email_id });

    const before = await count(`SELECT count(*) AS n FROM emails`);
    const tooLarge = await send(rfc822({ body: 'x'.repeat(300 * 1024) }));
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body).toMatchObject({ code: 'EMAIL_TOO_LARGE' });
    expect((await send(Buffer.alloc(0))).status).toBe(400);
    expect((await post('/emails', '{"raw":"x"}', 'application/json')).status).toBe(415);
    expect((await post('/robots', rfc822(), 'message/rfc822')).status).toBe(415);
    expect(await count(`SELECT count(*) AS n FROM emails`)).toBe(before);
    expect((await api('/emails/not-a-uuid')).status).toBe(400);
    expect((await api('/emails/6f1c1b0e-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('imports an mbox as a stream, and a second import creates nothing', async () => {
    const messages = [
      rfc822({
        subject: 'Invoice INV-2026-0301',
        body: `${INVOICE_BODY}\r\nFrom the archive: line starting with From`,
      }),
      rfc822({ subject: 'Invoice INV-2026-0302', body: INVOICE_BODY }),
      rfc822({ from: 'x@spam.example', subject: 'Cheap', body: 'Buy' }),
      Buffer.from('this is not\r\nan email at all\r\n'),
    ];
    const file = mbox(messages);
    const lines = async () => {
      const res = await fetch(`${t.url}/api/v1/emails/import`, {
        method: 'POST',
        headers: { 'content-type': 'application/mbox', 'x-api-key': TEST_ADMIN_KEY },
        body: file,
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/x-ndjson');
      return (await res.text())
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Body);
    };
    const first = await lines();
    expect(first.at(-1)).toMatchObject({ type: 'summary', messages: 4, ROBOT_CREATED: 2, NO_ROBOT: 1, REJECTED: 1 });
    const robot = await t.db.query(
      `SELECT input_data FROM robots WHERE input_data->>'subject' = 'Invoice INV-2026-0301'`,
    );
    expect(robot.rows[0].input_data.text).toContain('From the archive');
    const second = await lines();
    expect(second.at(-1)).toMatchObject({ type: 'summary', messages: 4, DUPLICATE: 4 });
  });

  it('lists emails newest first, by status and class, and keeps its scopes', async () => {
    const page = (await api('/emails?status=ROBOT_CREATED&limit=2')).body;
    expect(page.items).toHaveLength(2);
    expect(page.items.every((e: Body) => e.status === 'ROBOT_CREATED')).toBe(true);
    const next = (await api(`/emails?status=ROBOT_CREATED&limit=2&cursor=${page.next_cursor}`)).body;
    expect(next.items[0].email_id).not.toBe(page.items[1].email_id);
    expect((await api('/emails?class_name=spam')).body.items.every((e: Body) => e.class_name === 'spam')).toBe(true);
    expect((await api('/emails?status=WHATEVER')).status).toBe(400);

    const reader = await issueKey(t, [Scope.EmailRead]);
    expect((await api('/emails', 'GET', undefined, reader.key)).status).toBe(200);
    expect((await send(rfc822(), reader.key)).status).toBe(403);
    const robots = await issueKey(t, [Scope.RobotsWrite]);
    expect((await api('/emails', 'GET', undefined, robots.key)).status).toBe(403);
  });
});
