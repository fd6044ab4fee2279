import { beforeAll, describe, expect, it } from '@jest/globals';
import { getDataSourceToken } from '@nestjs/typeorm';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import {
  EMAIL_CLASSIFIER,
  type EmailClassifier,
  TRAINING_EXAMPLES,
  type TrainingExamples,
} from '../../src/email/email.types.js';
import { REVISION_CHECK_MS } from '../../src/email/classification/classifier/classifier-state.service.js';
import { ScheduledRetrain } from '../../src/email/classification/training/scheduled-retrain.service.js';
import { Scope } from '../../src/security/scopes.js';
import { issueKey } from '../factories/api-key.factory.js';
import { eventually } from '../support/eventually.js';
import { http, type HttpResult, useTestApp } from '../support/test-app.js';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ENRON = join(process.cwd(), 'test/fixtures/email/enron-dev');
const PROBLEM = /^application\/problem\+json/;
/** Three Enron genres (folders 1, 4, 6) under names a team would give them. */
const LABELS: Record<string, string> = { '1': 'business', '4': 'logistics', '6': 'editing' };
const TRAIN_PER_CLASS = 20;

/** The first emails of a folder, raw, in a stable order: the first `TRAIN_PER_CLASS` train, the next are held out. */
function enron(folder: string): string[] {
  const dir = join(ENRON, folder);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .slice(0, TRAIN_PER_CLASS + 3)
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

describe('email classification over REST (PGlite)', () => {
  const t = useTestApp({ EMAIL_CLASSIFY_CACHE_TTL_MS: '60000', EMAIL_MIN_CONFIDENCE: '0.6' });
  const mail: Record<string, string[]> = {};
  let readerKey: string;
  let otherKey: string;

  const api = (path: string, method = 'GET', body?: unknown, key?: string): Promise<HttpResult<Body>> =>
    http<Body>(`${t.url}/api/v1/email${path}`, {
      method,
      key,
      ...(body !== undefined && { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
  const expectProblem = (res: HttpResult<Body>, status: number, code: string) => {
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(res.headers.get('content-type')).toMatch(PROBLEM);
  };
  const trained = (version: number) =>
    eventually(
      () => api(`/training/models/${version}`),
      (res) => res.body.status !== 'TRAINING',
      60_000,
    );
  const trainingExamples = () =>
    Object.entries(LABELS).flatMap(([folder, label]) =>
      mail[folder].slice(0, TRAIN_PER_CLASS).map((raw) => ({ label, raw })),
    );

  beforeAll(async () => {
    for (const folder of Object.keys(LABELS)) mail[folder] = enron(folder);
    readerKey = (await issueKey(t, [Scope.EmailRead])).key;
    otherKey = (await issueKey(t, [Scope.OcrRead, Scope.OcrWrite])).key;
  });

  describe('scopes', () => {
    it('needs email:write to change anything and email:read to read', async () => {
      expectProblem(
        await api('/training/examples', 'POST', { label: 'x', text: 'hi' }, readerKey),
        403,
        'AUTH_FORBIDDEN',
      );
      expectProblem(await api('/training/models', 'POST', {}, readerKey), 403, 'AUTH_FORBIDDEN');
      expectProblem(
        await api('/rules', 'POST', { name: 'r', conditions: {}, class_name: 'x' }, readerKey),
        403,
        'AUTH_FORBIDDEN',
      );
      expectProblem(await api('/classes/x', 'PUT', { robot_type: null }, readerKey), 403, 'AUTH_FORBIDDEN');
      expect((await api('/training/examples', 'GET', undefined, readerKey)).status).toBe(200);
      expect((await api('/classify', 'POST', { text: 'hello' }, readerKey)).status).toBe(200);
      expectProblem(await api('/training/examples', 'GET', undefined, otherKey), 403, 'AUTH_FORBIDDEN');
      expectProblem(await api('/rules', 'GET', undefined, otherKey), 403, 'AUTH_FORBIDDEN');
      expectProblem(await http<Body>(`${t.url}/api/v1/email/classes`, { key: null }), 401, 'AUTH_REQUIRED');
    });
  });

  describe('before any model', () => {
    it('classifies nothing and sends the email to review', async () => {
      const res = await api('/classify', 'POST', { subject: 'Lunch', from: 'a@enron.com', text: 'see you at noon' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        class_name: null,
        confidence: 0,
        probabilities: {},
        decided_by: 'none',
        rule: null,
        model_version: null,
        threshold: 0.6,
        needs_review: true,
        route: null,
        cached: false,
      });
    });

    it('refuses to train on too few examples', async () => {
      expectProblem(await api('/training/models', 'POST'), 422, 'EMAIL_TRAINING_TOO_FEW_EXAMPLES');
    });
  });

  describe('bad input', () => {
    it.each([
      ['no label', { text: 'hello' }, 400, 'VALIDATION_FAILED'],
      ['a label with a space', { label: 'a b', text: 'hello' }, 400, 'VALIDATION_FAILED'],
      ['neither raw nor text', { label: 'x', subject: 'hello' }, 400, 'VALIDATION_FAILED'],
      ['raw and text', { label: 'x', raw: 'Subject: a\r\n\r\nb', text: 'b' }, 400, 'VALIDATION_FAILED'],
      ['an unknown field', { label: 'x', text: 'b', body: 'c' }, 400, 'VALIDATION_FAILED'],
      ['raw that is no email', { label: 'x', raw: '%PDF-1.7 binary' }, 422, 'EMAIL_RAW_UNREADABLE'],
    ])('refuses an example with %s', async (_what, body, status, code) => {
      expectProblem(await api('/training/examples', 'POST', body), status, code);
    });

    it('refuses a bulk of more than 1,000, and a bulk with one bad email, writing nothing', async () => {
      const many = Array.from({ length: 1_001 }, (_, i) => ({ label: 'x', text: `t${i}` }));
      expectProblem(await api('/training/examples/bulk', 'POST', { examples: many }), 400, 'VALIDATION_FAILED');
      const res = await api('/training/examples/bulk', 'POST', {
        examples: [
          { label: 'x', text: 'fine' },
          { label: 'x', raw: 'not an email' },
        ],
      });
      expectProblem(res, 422, 'EMAIL_RAW_UNREADABLE');
      expect(res.body.detail).toContain('examples[1]');
      expect((await api('/training/examples')).body.total).toBe(0);
    });

    it.each([
      ['no condition', { conditions: {} }, 400, 'EMAIL_RULE_INVALID'],
      ['an unknown condition', { conditions: { sender: 'a@b.c' } }, 400, 'VALIDATION_FAILED'],
      ['a bad domain', { conditions: { domain: 'not a domain' } }, 400, 'EMAIL_RULE_INVALID'],
      ['a bad attachment type', { conditions: { has_attachment_type: 'pdf' } }, 400, 'EMAIL_RULE_INVALID'],
      ['a bad mode', { conditions: { domain: 'a.example' }, mode: 'always' }, 400, 'VALIDATION_FAILED'],
      ['a nested quantifier', { conditions: { body_pattern: '(\\w+\\s?)+$' } }, 422, 'EMAIL_RULE_PATTERN_UNSAFE'],
      ['a repeated alternation', { conditions: { subject_pattern: '(a|aa)*b' } }, 422, 'EMAIL_RULE_PATTERN_UNSAFE'],
      [
        'a pattern that does not compile',
        { conditions: { subject_pattern: '(unclosed' } },
        422,
        'EMAIL_RULE_PATTERN_UNSAFE',
      ],
      ['an overlong pattern', { conditions: { body_pattern: 'x'.repeat(201) } }, 400, 'VALIDATION_FAILED'],
    ])('refuses a rule with %s', async (_what, body, status, code) => {
      expectProblem(await api('/rules', 'POST', { name: 'bad', class_name: 'business', ...body }), status, code);
    });

    it('refuses bad classes, versions and ids', async () => {
      expectProblem(await api('/classes/ok', 'PUT', { robot_type: null, min_confidence: 2 }), 400, 'VALIDATION_FAILED');
      expectProblem(await api('/classes/ok', 'PUT', { robot_type: 'Bad Type' }), 400, 'VALIDATION_FAILED');
      expectProblem(
        await api('/classes/ok', 'PUT', { robot_type: null, priority: 'URGENT' }),
        400,
        'VALIDATION_FAILED',
      );
      expectProblem(await api('/classes/nope'), 404, 'EMAIL_CLASS_NOT_FOUND');
      expectProblem(await api('/training/models/abc'), 400, 'VALIDATION_FAILED');
      expectProblem(await api('/training/models/999'), 404, 'EMAIL_MODEL_NOT_FOUND');
      expectProblem(await api('/training/models/999/activate', 'POST'), 404, 'EMAIL_MODEL_NOT_FOUND');
      expectProblem(await api('/training/examples/not-a-uuid', 'DELETE'), 400, 'VALIDATION_FAILED');
      expectProblem(await api('/rules/00000000-0000-4000-8000-000000000000'), 404, 'EMAIL_RULE_NOT_FOUND');
      expectProblem(await api('/classify', 'POST', {}), 400, 'VALIDATION_FAILED');
    });
  });

  describe('examples, training, activation', () => {
    let v1: number;

    it('adds examples in bulk and one by one; the same content again is relabelled, not doubled', async () => {
      const bulk = await api('/training/examples/bulk', 'POST', { examples: trainingExamples().slice(1) });
      expect(bulk.status).toBe(200);
      expect(bulk.body).toMatchObject({ created: 59, replaced: 0 });
      const [first] = trainingExamples();
      const once = await api('/training/examples', 'POST', { ...first, label: 'logistics' });
      expect(once.status).toBe(201);
      expect(once.body).toMatchObject({ label: 'logistics', source: 'api', created: true, created_by: '0000ad01' });
      const again = await api('/training/examples', 'POST', first);
      expect(again.body).toMatchObject({ example_id: once.body.example_id, label: 'business', created: false });
    });

    it('lists examples newest first, paged, with the count of each label', async () => {
      const page = await api('/training/examples?limit=25');
      expect(page.body.counts).toEqual({ business: 20, editing: 20, logistics: 20 });
      expect(page.body.total).toBe(60);
      expect(page.body.items).toHaveLength(25);
      const seen = new Set<string>(page.body.items.map((i: Body) => i.example_id));
      let cursor = page.body.next_cursor;
      while (cursor) {
        const next = await api(`/training/examples?limit=25&cursor=${cursor}`);
        next.body.items.forEach((i: Body) => seen.add(i.example_id));
        cursor = next.body.next_cursor;
      }
      expect(seen.size).toBe(60);
      const editing = await api('/training/examples?label=editing&limit=200');
      expect(editing.body.items.every((i: Body) => i.label === 'editing')).toBe(true);
      expectProblem(await api('/training/examples?cursor=bogus'), 400, 'INVALID_CURSOR');
    });

    it('deletes an example', async () => {
      const added = await api('/training/examples', 'POST', { label: 'spam', text: 'win a prize' });
      expect((await api(`/training/examples/${added.body.example_id}`, 'DELETE')).status).toBe(204);
      expectProblem(await api(`/training/examples/${added.body.example_id}`, 'DELETE'), 404, 'EMAIL_EXAMPLE_NOT_FOUND');
    });

    it('trains in the background: 202 TRAINING, one at a time, then READY with cross-validated metrics', async () => {
      const started = await api('/training/models', 'POST');
      expect(started.status).toBe(202);
      expect(started.body).toMatchObject({ status: 'TRAINING', metrics: null, created_by: '0000ad01' });
      v1 = started.body.version;
      expectProblem(await api('/training/models', 'POST'), 409, 'EMAIL_TRAINING_IN_PROGRESS');
      const done = await trained(v1);
      expect(done.body).toMatchObject({
        status: 'READY',
        classes: ['business', 'editing', 'logistics'],
        example_count: 60,
        error: null,
      });
      const metrics = done.body.metrics;
      expect(metrics.folds).toBe(5);
      expect(metrics.examples).toBe(60);
      expect(metrics.accuracy).toBeGreaterThan(metrics.baseline_majority_accuracy);
      expect(metrics.baseline_majority_accuracy).toBeCloseTo(1 / 3, 3);
      expect(metrics.coverage.map((c: Body) => c.coverage)).toEqual([0.5, 0.8]);
      expect(Object.keys(metrics.per_class).sort()).toEqual(['business', 'editing', 'logistics']);
      expect(metrics.thresholds.business.map((r: Body) => r.threshold)).toContain(0.9);
      expect(metrics.predictions).toBeUndefined();
      expect(metrics.model_bytes).toBeGreaterThan(1_000);
    });

    it('activates a version; it classifies held-out Enron mail with every probability, cached on repeat', async () => {
      const activated = await api(`/training/models/${v1}/activate`, 'POST');
      expect(activated.status).toBe(200);
      expect(activated.body).toMatchObject({ version: v1, status: 'ACTIVE' });
      expect(activated.body.activated_at).not.toBeNull();
      const raw = mail['6'][TRAIN_PER_CLASS];
      const first = await api('/classify', 'POST', { raw });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ model_version: v1, cached: false, threshold: 0.6, route: null });
      expect(Object.keys(first.body.probabilities).sort()).toEqual(['business', 'editing', 'logistics']);
      const sum = Object.values<number>(first.body.probabilities).reduce((a, b) => a + b, 0);
      expect(sum).toBeCloseTo(1, 4);
      expect(first.body.confidence).toBe(Math.max(...Object.values<number>(first.body.probabilities)));
      expect(first.body.needs_review).toBe(first.body.confidence < 0.6);
      const second = await api('/classify', 'POST', { raw });
      expect(second.body).toEqual({ ...first.body, cached: true });
      expectProblem(await api(`/training/models/${v1}/activate`, 'POST'), 409, 'EMAIL_MODEL_NOT_ACTIVATABLE');
    });

    it('routes a class: robot type, threshold and priority, applied at once (not from the cache)', async () => {
      const created = await api('/classes/logistics', 'PUT', { robot_type: 'meeting_scheduler', min_confidence: 0.2 });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ class_name: 'logistics', min_confidence: 0.2, priority: 'NORMAL' });
      const replaced = await api('/classes/logistics', 'PUT', {
        robot_type: 'meeting_scheduler',
        min_confidence: 0.25,
        priority: 'HIGH',
        description: 'meetings, travel, support',
      });
      expect(replaced.status).toBe(200);
      expect((await api('/classes/business', 'PUT', { robot_type: null, min_confidence: 0.99 })).status).toBe(201);
      expect((await api('/classes')).body.items.map((c: Body) => c.class_name)).toEqual(['business', 'logistics']);

      const logistics = await api('/classify', 'POST', {
        subject: 'Meeting tomorrow',
        from: 'assistant@enron.com',
        text: 'Can we meet tomorrow at 10 in my office? Please confirm the conference room and call me.',
      });
      expect(logistics.body.class_name).toBe('logistics');
      expect(logistics.body).toMatchObject({
        threshold: 0.25,
        needs_review: false,
        route: { robot_type: 'meeting_scheduler', priority: 'HIGH' },
        cached: false,
      });
      // A class whose own threshold is above anything the model says always goes to review.
      const raw = mail['1'][TRAIN_PER_CLASS];
      const business = await api('/classify', 'POST', { raw });
      if (business.body.class_name === 'business') {
        expect(business.body).toMatchObject({ threshold: 0.99, needs_review: true, route: { robot_type: null } });
      }
      expect((await api('/classes/business', 'DELETE')).status).toBe(204);
      expectProblem(await api('/classes/business', 'DELETE'), 404, 'EMAIL_CLASS_NOT_FOUND');
    });

    it('lets an override rule decide whatever the model says, and a fallback rule only when it is unsure', async () => {
      const override = await api('/rules', 'POST', {
        name: 'Drafts from legal',
        position: 10,
        conditions: { from: '*@enron.com', subject_pattern: '^draft\\b', has_attachment_type: 'application/pdf' },
        class_name: 'editing',
      });
      expect(override.status).toBe(201);
      expect(override.body).toMatchObject({ mode: 'override', enabled: true, created_by: '0000ad01' });
      expectProblem(
        await api('/rules', 'POST', {
          name: 'drafts FROM legal',
          conditions: { domain: 'enron.com' },
          class_name: 'x',
        }),
        409,
        'EMAIL_RULE_NAME_TAKEN',
      );
      const meeting = {
        subject: 'Draft agenda: meeting tomorrow',
        from: 'assistant@enron.com',
        text: 'Can we meet tomorrow at 10 in my office? Please confirm the conference room and call me.',
      };
      const withPdf = await api('/classify', 'POST', { ...meeting, attachment_types: ['application/pdf'] });
      expect(withPdf.body).toMatchObject({
        class_name: 'editing',
        confidence: 1,
        decided_by: 'rule',
        rule: { rule_id: override.body.rule_id, name: 'Drafts from legal', mode: 'override' },
        needs_review: false,
      });
      expect(withPdf.body.probabilities.logistics).toBeGreaterThan(withPdf.body.probabilities.editing);
      // Not every condition holds without the PDF: the model decides.
      expect((await api('/classify', 'POST', meeting)).body).toMatchObject({
        class_name: 'logistics',
        decided_by: 'model',
      });

      // The fallback decides only below the class's threshold: make logistics hard to be sure of.
      await api('/classes/logistics', 'PUT', { robot_type: 'meeting_scheduler', min_confidence: 0.95 });
      const fallback = await api('/rules', 'POST', {
        name: 'Newsletters',
        conditions: { domain: 'news.example', body_pattern: 'unsubscribe' },
        class_name: 'business',
        mode: 'fallback',
      });
      expect(fallback.status).toBe(201);
      const newsletter = {
        from: 'letters@daily.news.example',
        text: 'Can we meet tomorrow? To unsubscribe click here.',
      };
      const unsure = await api('/classify', 'POST', newsletter);
      expect(unsure.body).toMatchObject({ class_name: 'business', decided_by: 'rule', rule: { mode: 'fallback' } });
      expect(unsure.body.probabilities.logistics).toBeLessThan(0.95);
      // Sure enough for the class's threshold: the model decides, the fallback is not consulted.
      await api('/classes/logistics', 'PUT', { robot_type: 'meeting_scheduler', min_confidence: 0.1 });
      expect((await api('/classify', 'POST', newsletter)).body).toMatchObject({ decided_by: 'model', rule: null });

      const listed = await api('/rules');
      expect(listed.body.items.map((r: Body) => r.name)).toEqual(['Drafts from legal', 'Newsletters']);
      const disabled = await api(`/rules/${override.body.rule_id}`, 'PATCH', { enabled: false, position: 200 });
      expect(disabled.body).toMatchObject({ enabled: false, position: 200, conditions: override.body.conditions });
      expect(
        (await api('/classify', 'POST', { ...meeting, attachment_types: ['application/pdf'] })).body.decided_by,
      ).toBe('model');
      expectProblem(
        await api(`/rules/${override.body.rule_id}`, 'PATCH', { conditions: { body_pattern: '(a+)+' } }),
        422,
        'EMAIL_RULE_PATTERN_UNSAFE',
      );
      expect((await api(`/rules/${override.body.rule_id}`)).body.conditions).toEqual(override.body.conditions);
      expect((await api(`/rules/${fallback.body.rule_id}`, 'DELETE')).status).toBe(204);
      expectProblem(await api(`/rules/${fallback.body.rule_id}`, 'DELETE'), 404, 'EMAIL_RULE_NOT_FOUND');
    });

    it('activates a newer version, rolls back to the older one, and the classifier follows', async () => {
      await api('/training/examples', 'POST', { label: 'logistics', raw: mail['4'][TRAIN_PER_CLASS + 1] });
      const v2 = (await api('/training/models', 'POST')).body.version;
      expect((await trained(v2)).body).toMatchObject({ status: 'READY', example_count: 61 });
      expect((await api(`/training/models/${v2}/activate`, 'POST')).body.status).toBe('ACTIVE');
      expect((await api(`/training/models/${v1}`)).body.status).toBe('RETIRED');
      const text = { text: 'Please review the attached draft and send me your comments and edits.' };
      expect((await api('/classify', 'POST', text)).body.model_version).toBe(v2);

      const rollback = await api(`/training/models/${v1}/activate`, 'POST');
      expect(rollback.body).toMatchObject({ version: v1, status: 'ACTIVE' });
      expect((await api(`/training/models/${v2}`)).body.status).toBe('RETIRED');
      expect((await api('/classify', 'POST', text)).body.model_version).toBe(v1);

      const list = await api('/training/models?limit=1');
      expect(list.body.items).toEqual([expect.objectContaining({ version: v2, status: 'RETIRED' })]);
      const rest = await api(`/training/models?limit=10&cursor=${list.body.next_cursor}`);
      expect(rest.body.items.map((m: Body) => [m.version, m.status])).toEqual([[v1, 'ACTIVE']]);
    });

    it('follows an activation made by another instance within the revision check period', async () => {
      const dataSource = t.app.get<DataSource>(getDataSourceToken());
      const active = (await api('/classify', 'POST', { text: 'another instance' })).body.model_version;
      const other = (await api('/training/models')).body.items.find((m: Body) => m.status === 'RETIRED').version;
      // What another instance's activation writes; this instance learns of it only by its check.
      await dataSource.transaction(async (tx) => {
        await tx.query(`UPDATE classifier_models SET status = 'RETIRED' WHERE version = $1`, [active]);
        await tx.query(`UPDATE classifier_models SET status = 'ACTIVE' WHERE version = $1`, [other]);
      });
      const seen = await eventually(
        () => api('/classify', 'POST', { text: 'another instance' }),
        (res) => res.body.model_version === other,
        REVISION_CHECK_MS * 3,
      );
      expect(seen.body.model_version).toBe(other);
    });

    it('retrains on schedule when examples were added, activating only a version not worse by CV accuracy', async () => {
      const retrain = t.app.get(ScheduledRetrain);
      const before = (await api('/training/models')).body.items.find((m: Body) => m.status === 'ACTIVE');
      expect(await retrain.run()).toEqual({ skipped: `no examples added since version ${before.version}` });

      await api('/training/examples', 'POST', { label: 'editing', raw: mail['6'][TRAIN_PER_CLASS + 1] });
      const outcome = await retrain.run();
      expect(outcome).toMatchObject({
        scheduled: true,
        compared_with_version: before.version,
        compared_accuracy: before.metrics.accuracy,
      });
      const version = outcome.version as number;
      const after = (await api(`/training/models/${version}`)).body;
      expect(after.metrics.retrain).toEqual({
        scheduled: true,
        compared_with_version: before.version,
        compared_accuracy: before.metrics.accuracy,
        accuracy: after.metrics.accuracy,
        activated: after.metrics.accuracy >= before.metrics.accuracy,
        reason: expect.any(String),
      });
      expect(after.status).toBe(after.metrics.retrain.activated ? 'ACTIVE' : 'READY');
      expect(after.created_by).toBe('scheduled-retrain');
    });
  });

  describe('the contracts other parts use', () => {
    it('TRAINING_EXAMPLES adds inside the caller transaction (nothing on rollback), relabelling by content', async () => {
      const examples = t.app.get<TrainingExamples>(TRAINING_EXAMPLES);
      const dataSource = t.app.get<DataSource>(getDataSourceToken());
      const example = {
        label: 'business',
        content_sha256: 'c'.repeat(64),
        features: 'quarterly results',
        source: 'review' as const,
        email_id: null,
        created_by: 'reviewer',
      };
      await dataSource
        .transaction(async (tx) => {
          await examples.add(tx, example);
          throw new Error('rolled back');
        })
        .catch(() => undefined);
      const count = async () =>
        Number(
          (
            await t.db.query(`SELECT count(*) AS n FROM classifier_examples WHERE content_sha256 = $1`, [
              example.content_sha256,
            ])
          ).rows[0].n,
        );
      expect(await count()).toBe(0);
      await dataSource.transaction((tx) => examples.add(tx, example));
      // A pg client works as well as TypeORM's manager: only `query` is used.
      const client = await t.db.connect();
      try {
        await examples.add(client, { ...example, label: 'editing' });
      } finally {
        client.release();
      }
      const rows = (
        await t.db.query(`SELECT label, source FROM classifier_examples WHERE content_sha256 = $1`, [
          example.content_sha256,
        ])
      ).rows;
      expect(rows).toEqual([{ label: 'editing', source: 'review' }]);
    });

    it('EMAIL_CLASSIFIER answers the same input again from its cache, and other input not', async () => {
      const classifier = t.app.get<EmailClassifier>(EMAIL_CLASSIFIER);
      const input = {
        subject: 'Conference call',
        from_address: 'assistant@enron.com',
        text: 'Conference call tomorrow at 2pm, dial-in number to follow. Please confirm you can attend.',
        attachment_types: [],
        attachment_names: [],
      };
      const first = await classifier.classify(input);
      expect(first.cached).toBe(false);
      expect(first.model_version).not.toBeNull();
      expect(await classifier.classify({ ...input })).toEqual({ ...first, cached: true });
      expect((await classifier.classify({ ...input, text: `${input.text} Thanks.` })).cached).toBe(false);
    });
  });
});
