import { beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { getMetadataStorage } from 'class-validator';
import { CreateApiKeyDto } from '../../src/security/dto/create-api-key.dto.js';
import { BulkCreateRobotsDto } from '../../src/orchestrator/dto/bulk-create-robots.dto.js';
import { CompleteBatchDto, CompleteBatchItemDto } from '../../src/orchestrator/dto/complete-batch.dto.js';
import { CreateRobotDto } from '../../src/orchestrator/dto/create-robot.dto.js';
import {
  CancelRobotDto,
  ClaimRobotsDto,
  CompleteDto,
  FailDto,
  ProgressDto,
} from '../../src/orchestrator/dto/execution.dto.js';
import { MarkAllReadDto } from '../../src/notification/inbox/dto/inbox-query.dto.js';
import { PreviewTemplateDto, SaveTemplateDto } from '../../src/notification/templates/dto/template.dto.js';
import { RegisterModuleDto, UpdateModuleDto } from '../../src/registry/dto/register-module.dto.js';
import { ReplayWindowDto } from '../../src/notification/deliveries/dto/delivery.dto.js';
import { CreateSubscriptionDto } from '../../src/notification/subscriptions/dto/create-subscription.dto.js';
import { UpdateSubscriptionDto } from '../../src/notification/subscriptions/dto/update-subscription.dto.js';
import { eventually } from '../support/eventually.js';
import { VendorTemplateBodyDto } from '../../src/ocr/invoices/dto/template.dto.js';
import { PutEmailClassDto } from '../../src/email/classification/dto/class.dto.js';
import { EmailInputDto } from '../../src/email/classification/dto/email-input.dto.js';
import { AddExampleDto, BulkAddExamplesDto } from '../../src/email/classification/dto/example.dto.js';
import { CreateRuleDto, RuleConditionsDto, UpdateRuleDto } from '../../src/email/classification/dto/rule.dto.js';
import { LabelEmailDto } from '../../src/email/intake/dto/email.dto.js';
import { CreateMailboxDto } from '../../src/email/mailboxes/dto/create-mailbox.dto.js';
import { UpdateMailboxDto } from '../../src/email/mailboxes/dto/update-mailbox.dto.js';
import { AnswerReviewDto } from '../../src/review/dto/review-request.dto.js';
import { ReviewQueue } from '../../src/review/review-queue.service.js';
import {
  nodes,
  type OpenApiDocument,
  type Operation,
  responseSchemaNames,
  type Schema,
  schemaValidator,
} from '../support/openapi-document.js';
import { mbox, rfc822 } from '../factories/email.factory.js';
import { writeInbox } from '../factories/in-app.factory.js';
import { form, phototestLines } from '../support/ocr-uploads.js';
import { awaitBackup } from '../support/backups.js';
import { http, type HttpResult, TEST_ADMIN_KEY, useTestApp } from '../support/test-app.js';

const PROBLEM_REF = '#/components/schemas/ProblemDetailsDto';
const PROBLEM_TYPE = 'application/problem+json';
const NDJSON = 'application/x-ndjson';
const BODY_LIMIT = 32_768;
const OCR_MAX_BYTES = 65_536;
const EMAIL_MAX_BYTES = 65_536;

/** The only fractional figures: every other numeric member is an integer and must say so. */
const FRACTIONAL: Record<string, string[]> = {
  WeightsDto: ['performance', 'capacity', 'health'],
  ScorePartsDto: ['performance', 'capacity', 'health', 'total'],
  CandidateDto: ['performance_score', 'capacity_utilization'],
  ModuleResponseDto: ['uptime_percentage_24h', 'performance_score', 'success_rate_24h', 'capacity_utilization'],
  RobotResponseDto: ['completeness_score', 'confidence_score'],
  CreatedRobotResponseDto: ['completeness_score', 'confidence_score'],
  ClaimedRobotDto: ['completeness_score', 'confidence_score'],
  ExecutionResponseDto: ['cpu_usage_percent'],
  TypeForecastDto: ['throughput_per_hour'],
  ProgressDto: ['cpu_usage_percent'],
  CompleteDto: ['completeness_score', 'confidence_score'],
  CompleteBatchItemDto: ['completeness_score', 'confidence_score'],
  ModuleFiguresDto: ['performance_score', 'capacity_utilization'],
  OperationStatsDto: ['success_rate', 'throughput', 'p50_ms', 'p95_ms', 'p99_ms'],
  MinuteDto: ['p95_ms'],
  ErrorRatesDto: ['http_error_rate', 'robot_failure_rate_1h'],
  CacheStatisticsDto: ['hit_rate'],
  ResourceUsageDto: ['cpu_percent', 'event_loop_lag_ms'],
  AlertDto: ['value', 'threshold'],
  ProbeDto: ['duration_ms'],
  DatabaseProbeDto: ['duration_ms'],
  CacheProbeDto: ['duration_ms'],
  DiskProbeDto: ['duration_ms', 'free_ratio'],
  MemoryProbeDto: ['duration_ms'],
  EventLoopProbeDto: ['duration_ms', 'lag_p99_ms'],
  NotificationsBlockDto: ['oldest_pending_seconds'],
  OcrDocumentSummaryDto: ['confidence'],
  OcrDocumentDto: ['confidence'],
  // A reviewed value is text or a number (an amount): the number branch of its oneOf.
  ReviewFieldDto: ['confidence', 'value/oneOf/1'],
  EmailSummaryDto: ['confidence'],
  EmailDto: ['confidence'],
  EmailClassDto: ['min_confidence'],
  PutEmailClassDto: ['min_confidence'],
  // Every class's probability: a map of fractions.
  EmailClassificationDto: ['confidence', 'probabilities/additionalProperties', 'threshold'],
};

/**
 * `http()` for a route answering JSON lines, which it would parse as one JSON document: their text
 * is the body (the document declares it a string), each line a JSON object with its `type`.
 */
async function httpLines<T>(url: string, init: RequestInit & { key?: string | null }): Promise<HttpResult<T>> {
  const { key = TEST_ADMIN_KEY, ...request } = init;
  const headers = new Headers(request.headers);
  if (key !== null) headers.set('x-api-key', key);
  const response = await fetch(url, { ...request, headers });
  const text = await response.text();
  if ((response.headers.get('content-type') ?? '').split(';')[0] !== NDJSON) {
    return { status: response.status, headers: response.headers, body: JSON.parse(text) as T };
  }
  for (const line of text.trim().split('\n')) expect(JSON.parse(line)).toMatchObject({ type: expect.any(String) });
  return { status: response.status, headers: response.headers, body: text as T };
}

/** The statuses the scenario below draws from each operation. */
const EXERCISED: Record<string, string> = {
  RegistryController_register: '200 201 400 415',
  RegistryController_list: '200 400',
  RegistryController_get: '200 404',
  RegistryController_update: '200',
  RegistryController_deactivate: '204',
  RoutingController_select: '200 400',
  ApiKeysController_create: '201 422',
  ApiKeysController_list: '200',
  ApiKeysController_get: '200 400 404',
  ApiKeysController_rotate: '201 409',
  ApiKeysController_revoke: '200 404',
  RobotsController_create: '201 400 401 403 413 415',
  RobotsController_createMany: '200 201 400 429',
  RobotsController_list: '200 400',
  RobotsController_get: '200 404',
  RobotsController_history: '200',
  WorkController_claim: '200 400 404',
  WorkController_progress: '200 400',
  WorkController_complete: '200 409',
  WorkController_completeBatch: '200 400',
  WorkController_fail: '200 400',
  RobotsController_cancel: '200 404 409',
  RobotsController_retry: '200 409',
  MonitoringController_dashboard: '200 401',
  MonitoringController_health: '200 403',
  AlertsController_list: '200 400',
  AuditController_find: '200 400',
  BackupsController_get: '200 400 404',
  BackupsController_list: '200 400',
  BackupsController_run: '202 409',
  ForecastController_forecast: '200 400',
  HealthController_live: '200',
  HealthController_ready: '200',
  PublicMetricsController_scrape: '200',
  EventsController_catalogue: '200',
  EventsController_consumers: '200',
  EventsController_parked: '200 400',
  EventsController_replay: '400 404',
  EventsController_replayAll: '202 404',
  EventsController_forget: '404 409',
  SubscriptionsController_create: '201 400',
  SubscriptionsController_list: '200 400',
  SubscriptionsController_get: '200 400 404',
  SubscriptionsController_update: '200 400 409',
  SubscriptionsController_delete: '204 404',
  SubscriptionsController_rotateSecret: '200 409',
  SubscriptionsController_enable: '200 404',
  SubscriptionsController_replay: '200 400 409',
  DeliveriesController_list: '200 400',
  DeliveriesController_get: '200 404',
  DeliveriesController_replay: '200 404 409',
  InboxController_list: '200 400 403',
  InboxController_unreadCount: '200 400',
  InboxController_markAllRead: '200 400',
  InboxController_markRead: '200 400 404',
  InboxStreamController_stream: '200 400',
  TemplatesController_list: '200 400',
  TemplatesController_get: '200 400',
  TemplatesController_save: '200 400 422',
  TemplatesController_remove: '200 404',
  TemplatesController_preview: '200 422',
  OcrDocumentsController_submit: '200 202 400 413 415 422',
  OcrDocumentsController_batch: '200 400 415',
  OcrDocumentsController_list: '200 400',
  OcrDocumentsController_get: '200 404',
  InvoiceTemplatesController_create: '201 400 409 422',
  InvoiceTemplatesController_list: '200 400',
  InvoiceTemplatesController_get: '200 400 404',
  InvoiceTemplatesController_replace: '200 404 409 422',
  InvoiceTemplatesController_delete: '204 404',
  ReviewsController_list: '200 400',
  ReviewsController_get: '200 400 404',
  ReviewsController_answer: '200 400 404 409',
  EmailsController_upload: '200 201 400 413 415 422',
  EmailsController_import: '200 415',
  EmailsController_list: '200 400',
  EmailsController_get: '200 400 404',
  EmailsController_attachment: '200 400 404',
  EmailsController_label: '200 400 404 409',
  EmailClassesController_list: '200',
  EmailClassesController_get: '200 400 404',
  EmailClassesController_put: '200 201 400',
  EmailClassesController_delete: '204 404',
  EmailRulesController_list: '200',
  EmailRulesController_create: '201 400 409 422',
  EmailRulesController_get: '200 400 404',
  EmailRulesController_update: '200 400 404 409 422',
  EmailRulesController_delete: '204 404',
  TrainingExamplesController_add: '201 400 422',
  TrainingExamplesController_addMany: '200 400 422',
  TrainingExamplesController_list: '200 400',
  TrainingExamplesController_delete: '204 400 404',
  ModelVersionsController_train: '202 409 422',
  ModelVersionsController_list: '200 400',
  ModelVersionsController_get: '200 400 404',
  ModelVersionsController_activate: '200 404 409',
  ClassifyController_classify: '200 400 422',
  MailboxesController_create: '201 400 409',
  MailboxesController_list: '200 400',
  MailboxesController_get: '200 404',
  MailboxesController_update: '200 400 404',
  MailboxesController_delete: '204 404',
  MailboxesController_pause: '200 404',
  MailboxesController_resume: '200',
  MailboxesController_check: '200 404',
};

/** Request bodies, whose validation rules are the truth the document must tell. */
const BODY_DTOS = [
  CreateRobotDto,
  BulkCreateRobotsDto,
  CancelRobotDto,
  ClaimRobotsDto,
  ProgressDto,
  CompleteDto,
  CompleteBatchItemDto,
  CompleteBatchDto,
  FailDto,
  RegisterModuleDto,
  UpdateModuleDto,
  CreateApiKeyDto,
  CreateSubscriptionDto,
  UpdateSubscriptionDto,
  ReplayWindowDto,
  MarkAllReadDto,
  SaveTemplateDto,
  PreviewTemplateDto,
  VendorTemplateBodyDto,
  AnswerReviewDto,
  LabelEmailDto,
  PutEmailClassDto,
  RuleConditionsDto,
  CreateRuleDto,
  UpdateRuleDto,
  EmailInputDto,
  AddExampleDto,
  BulkAddExamplesDto,
  CreateMailboxDto,
  UpdateMailboxDto,
];

/**
 * The OpenAPI document against the service's real answers: each answer below must be one the
 * document declares for its route and status, with the content type and a body its schema accepts.
 */
describe('the OpenAPI document at /docs-json', () => {
  const t = useTestApp({
    BODY_LIMIT_BYTES: String(BODY_LIMIT),
    RATE_LIMIT_BULK_PER_MINUTE: '3',
    OCR_MAX_BYTES: String(OCR_MAX_BYTES),
    EMAIL_MAX_BYTES: String(EMAIL_MAX_BYTES),
    // Mailboxes are stored, not watched: the one the scenario adds points at a closed port.
    EMAIL_MAILBOXES_ENABLED: 'false',
  });
  let doc: OpenApiDocument;
  let validatorFor: ReturnType<typeof schemaValidator>;
  const exercised = new Map<string, Set<string>>();

  beforeAll(async () => {
    doc = (await http<OpenApiDocument>(`${t.url}/docs-json`)).body;
    validatorFor = schemaValidator(doc);
  });

  /** Sends a request and checks its answer against the document; returns it for the scenario. */
  async function call<T = Record<string, unknown>>(
    method: string,
    template: string,
    path: string,
    init: {
      body?: unknown;
      /** A body sent as it is (a raw email, an mbox file), with `type` as its Content-Type. */
      raw?: string | Buffer;
      type?: string;
      key?: string | null;
      headers?: Record<string, string>;
      /** A multipart body: fetch writes its Content-Type with the boundary. */
      form?: FormData;
      /** The answer may be JSON lines: read as text (`httpLines`). */
      lines?: boolean;
    } = {},
  ): Promise<HttpResult<T>> {
    const json = init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
    const body = init.form ?? json;
    const send = init.lines ? httpLines : http;
    const res = await send<T>(`${t.url}${path}`, {
      method,
      key: init.key,
      headers: { ...(json === undefined ? {} : { 'content-type': init.type ?? 'application/json' }), ...init.headers },
      body,
    });
    const operation: Operation | undefined = doc.paths[template]?.[method.toLowerCase()];
    expect({ route: `${method} ${template}`, documented: operation !== undefined }).toEqual({
      route: `${method} ${template}`,
      documented: true,
    });
    const response = operation!.responses[String(res.status)];
    expect({ route: `${method} ${template}`, status: res.status, documented: response !== undefined }).toMatchObject({
      documented: true,
    });
    exercised.set(operation!.operationId, (exercised.get(operation!.operationId) ?? new Set()).add(String(res.status)));
    if (res.status === 204) {
      expect(response.content).toBeUndefined();
      return res;
    }
    const type = (res.headers.get('content-type') ?? '').split(';')[0];
    if (res.status >= 400) expect(type).toBe(PROBLEM_TYPE);
    const schema = response.content?.[type]?.schema;
    expect({ route: `${method} ${template}`, status: res.status, type, schema: schema !== undefined }).toMatchObject({
      schema: true,
    });
    const validate = validatorFor(schema!);
    const valid = validate(res.body);
    expect({ route: `${method} ${template}`, status: res.status, errors: validate.errors ?? [] }).toEqual({
      route: `${method} ${template}`,
      status: res.status,
      errors: [],
    });
    expect(valid).toBe(true);
    return res;
  }

  it('declares every error answer as a problem+json ProblemDetailsDto, and every other answer with a schema', () => {
    for (const [path, operations] of Object.entries(doc.paths))
      for (const [method, operation] of Object.entries(operations))
        for (const [status, response] of Object.entries(operation.responses)) {
          const where = `${method.toUpperCase()} ${path} ${status}`;
          if (Number(status) >= 400) {
            expect({ where, content: response.content }).toEqual({
              where,
              content: { [PROBLEM_TYPE]: { schema: { $ref: PROBLEM_REF } } },
            });
          } else if (status !== '204') {
            const schemas = Object.values(response.content ?? {}).map((media) => media.schema);
            expect({ where, schemas: schemas.length > 0 && schemas.every(Boolean) }).toEqual({ where, schemas: true });
          }
        }
  });

  it('documents the problem members the filter sends, status as an integer', () => {
    const problem = doc.components.schemas.ProblemDetailsDto as { properties: Record<string, Schema>; required: [] };
    expect(Object.keys(problem.properties).sort()).toEqual(
      ['code', 'detail', 'error_id', 'errors', 'instance', 'request_id', 'status', 'title', 'type'].sort(),
    );
    expect(problem.properties.status.type).toBe('integer');
    expect(problem.required.sort()).toEqual(['code', 'detail', 'instance', 'request_id', 'status', 'title', 'type']);
  });

  it('types as number only the fractional figures', () => {
    const numbers = [...nodes(doc)].filter(([, node]) => node.type === 'number').map(([pointer]) => pointer);
    const expected = Object.entries(FRACTIONAL).flatMap(([schema, properties]) =>
      properties.map((property) => `/components/schemas/${schema}/properties/${property}`),
    );
    expect(numbers.sort()).toEqual(expected.sort());
  });

  it('says integer and maxItems wherever a request body is validated as an integer or a bounded array', () => {
    const storage = getMetadataStorage();
    for (const dto of BODY_DTOS) {
      const properties = (doc.components.schemas[dto.name] as { properties: Record<string, Schema> }).properties;
      for (const rule of storage.getTargetValidationMetadatas(dto, '', true, false)) {
        const where = `${dto.name}.${rule.propertyName}`;
        // A rule checked on each member of an array speaks of its items.
        const property = properties[rule.propertyName];
        const checked = rule.each ? (property.items as Schema) : property;
        if (rule.name === 'isInt') expect({ where, type: checked.type }).toEqual({ where, type: 'integer' });
        if (rule.name === 'arrayMaxSize') {
          expect({ where, maxItems: properties[rule.propertyName].maxItems }).toEqual({
            where,
            maxItems: rule.constraints[0],
          });
        }
      }
    }
    expect(
      (doc.components.schemas.CompleteBatchDto as { properties: { results: Schema } }).properties.results.maxItems,
    ).toBe(100);
  });

  it('gives every member of every answer an example', () => {
    for (const name of responseSchemaNames(doc)) {
      const schema = doc.components.schemas[name] as { properties?: Record<string, Schema> };
      for (const [property, member] of Object.entries(schema.properties ?? {})) {
        const nested = '$ref' in member || 'allOf' in member || (member.items as Schema | undefined)?.$ref;
        if (!nested)
          expect({ where: `${name}.${property}`, example: 'example' in member }).toEqual({
            where: `${name}.${property}`,
            example: true,
          });
      }
    }
  });

  it('documents the OCR uploads as multipart forms with a binary file part', () => {
    for (const path of ['/api/v1/ocr/documents', '/api/v1/ocr/documents/batch']) {
      const body = (
        doc.paths[path].post as Operation & { requestBody: { content: Record<string, { schema: Schema }> } }
      ).requestBody;
      expect(Object.keys(body.content)).toEqual(['multipart/form-data']);
      const schema = body.content['multipart/form-data'].schema as {
        required: string[];
        properties: Record<string, Schema>;
      };
      expect(schema.required).toEqual(['file']);
      expect(JSON.stringify(schema.properties.file)).toContain('"format":"binary"');
      expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['languages', 'engine', 'extract']));
    }
  });

  it('describes the API key schemes as API keys, not JWTs', () => {
    expect(doc.components.securitySchemes['api-key']).toMatchObject({
      type: 'apiKey',
      in: 'header',
      name: 'X-API-Key',
    });
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.components.securitySchemes.bearer).not.toHaveProperty('bearerFormat');
  });

  it('matches the answers of every route, successes and errors', async () => {
    // modules
    const module = { module_name: 'DocsModule', module_version: '1.0.0', supported_robot_types: ['docs_check'] };
    await call('POST', '/api/v1/modules', '/api/v1/modules', { body: module });
    await call('POST', '/api/v1/modules', '/api/v1/modules', { body: { ...module, max_concurrent_robots: 50 } });
    await call('POST', '/api/v1/modules', '/api/v1/modules', { body: { module_name: '1bad' } });
    await call('POST', '/api/v1/modules', '/api/v1/modules', { raw: 'module', type: 'text/plain' });
    await call('GET', '/api/v1/modules', '/api/v1/modules?include_inactive=true');
    await call('GET', '/api/v1/modules', '/api/v1/modules?include_inactive=maybe');
    await call('GET', '/api/v1/modules/{module_name}', '/api/v1/modules/DocsModule');
    await call('GET', '/api/v1/modules/{module_name}', '/api/v1/modules/NoSuchModule');
    await call('PATCH', '/api/v1/modules/{module_name}', '/api/v1/modules/DocsModule', {
      body: { module_version: '1.0.1' },
    });
    await call('POST', '/api/v1/modules', '/api/v1/modules', { body: { ...module, module_name: 'GoneModule' } });
    await call('DELETE', '/api/v1/modules/{module_name}', '/api/v1/modules/GoneModule');
    await call('GET', '/api/v1/routing/select', '/api/v1/routing/select?robot_type=docs_check');
    await call('GET', '/api/v1/routing/select', '/api/v1/routing/select');

    // API keys: a reader for the 403s, a rotation, a revocation
    const reader = await call<{ key_id: string; api_key: string }>('POST', '/api/v1/api-keys', '/api/v1/api-keys', {
      body: { name: 'docs-reader', scopes: ['monitoring:read'] },
    });
    await call('POST', '/api/v1/api-keys', '/api/v1/api-keys', {
      body: { name: 'unbound', scopes: ['work'], module_name: 'NotRegistered' },
    });
    await call('GET', '/api/v1/api-keys', '/api/v1/api-keys?include_revoked=true');
    await call('GET', '/api/v1/api-keys/{key_id}', `/api/v1/api-keys/${reader.body.key_id}`);
    await call('GET', '/api/v1/api-keys/{key_id}', '/api/v1/api-keys/key_00000000');
    await call('GET', '/api/v1/api-keys/{key_id}', '/api/v1/api-keys/not-a-key');
    const spare = await call<{ key_id: string }>('POST', '/api/v1/api-keys', '/api/v1/api-keys', {
      body: { name: 'spare', scopes: ['robots:read'] },
    });
    await call('POST', '/api/v1/api-keys/{key_id}/rotate', `/api/v1/api-keys/${spare.body.key_id}/rotate`);
    await call('DELETE', '/api/v1/api-keys/{key_id}', `/api/v1/api-keys/${spare.body.key_id}`);
    await call('POST', '/api/v1/api-keys/{key_id}/rotate', `/api/v1/api-keys/${spare.body.key_id}/rotate`);
    await call('DELETE', '/api/v1/api-keys/{key_id}', '/api/v1/api-keys/key_00000000');

    // robots
    const robot = { robot_type: 'docs_check', input_data: { page: 1 } };
    // LOW: the claim below takes the bulk robots (priority first), leaving this one to cancel.
    const created = await call<{ robot_id: string }>('POST', '/api/v1/robots', '/api/v1/robots', {
      body: { ...robot, priority: 'LOW' },
    });
    expect(created.status).toBe(201);
    await call('POST', '/api/v1/robots', '/api/v1/robots', { body: { ...robot, retry_limit: 1.5 } });
    await call('POST', '/api/v1/robots', '/api/v1/robots', { raw: 'robot', type: 'text/plain' });
    await call('POST', '/api/v1/robots', '/api/v1/robots', {
      body: { ...robot, input_data: { blob: 'x'.repeat(BODY_LIMIT) } },
    });
    await call('POST', '/api/v1/robots', '/api/v1/robots', { body: robot, key: null });
    await call('POST', '/api/v1/robots', '/api/v1/robots', { body: robot, key: reader.body.api_key });
    // Three bulk calls a minute (RATE_LIMIT_BULK_PER_MINUTE): created, replayed, refused; the fourth is a 429.
    const bulk = { robots: [robot, robot, robot] };
    const headers = { 'idempotency-key': 'docs-bulk-0001' };
    expect((await call('POST', '/api/v1/robots/bulk', '/api/v1/robots/bulk', { body: bulk, headers })).status).toBe(
      201,
    );
    expect((await call('POST', '/api/v1/robots/bulk', '/api/v1/robots/bulk', { body: bulk, headers })).status).toBe(
      200,
    );
    await call('POST', '/api/v1/robots/bulk', '/api/v1/robots/bulk', { body: { robots: [] } });
    await call('GET', '/api/v1/robots', '/api/v1/robots?limit=2');
    await call('GET', '/api/v1/robots', '/api/v1/robots?cursor=not-ours');
    await call('GET', '/api/v1/robots/{robot_id}', `/api/v1/robots/${created.body.robot_id}`);
    await call('GET', '/api/v1/robots/{robot_id}', '/api/v1/robots/DOCS_0_0');
    await call('GET', '/api/v1/robots/{robot_id}/executions', `/api/v1/robots/${created.body.robot_id}/executions`);

    // the worker protocol
    type Claimed = { robot_id: string; execute_id: string; lease_token: string };
    const claimed = await call<Claimed[]>(
      'POST',
      '/api/v1/modules/{module_name}/claims',
      '/api/v1/modules/DocsModule/claims',
      {
        body: { max_robots: 3 },
      },
    );
    expect(claimed.body).toHaveLength(3);
    const [first, second, third] = claimed.body;
    await call('POST', '/api/v1/modules/{module_name}/claims', '/api/v1/modules/NoSuchModule/claims', { body: {} });
    await call('POST', '/api/v1/modules/{module_name}/claims', '/api/v1/modules/DocsModule/claims', {
      body: { max_robots: 101 },
    });
    await call('POST', '/api/v1/executions/{execute_id}/progress', `/api/v1/executions/${first.execute_id}/progress`, {
      body: { lease_token: first.lease_token, progress_percentage: 50, cpu_usage_percent: 12.5 },
    });
    await call('POST', '/api/v1/executions/{execute_id}/complete', `/api/v1/executions/${first.execute_id}/complete`, {
      body: { lease_token: first.lease_token, output_data: { ok: true }, confidence_score: 0.9 },
    });
    await call('POST', '/api/v1/executions/{execute_id}/complete', `/api/v1/executions/${first.execute_id}/complete`, {
      body: { lease_token: first.lease_token, output_data: { ok: true } },
    });
    await call('POST', '/api/v1/executions/complete', '/api/v1/executions/complete', {
      body: {
        results: [
          { execute_id: second.execute_id, lease_token: second.lease_token, output_data: {} },
          { execute_id: first.execute_id, lease_token: first.lease_token, output_data: {} },
        ],
      },
    });
    await call('POST', '/api/v1/executions/complete', '/api/v1/executions/complete', { body: { results: [] } });
    await call('POST', '/api/v1/executions/{execute_id}/fail', `/api/v1/executions/${third.execute_id}/fail`, {
      body: { lease_token: third.lease_token, error_category: 'VALIDATION', error_message: 'bad page' },
    });
    await call('POST', '/api/v1/executions/{execute_id}/fail', `/api/v1/executions/${third.execute_id}/fail`, {
      body: { lease_token: third.lease_token, error_category: 'NOT_A_CATEGORY', error_message: 'x' },
    });
    await call('POST', '/api/v1/executions/{execute_id}/progress', '/api/v1/executions/not-a-uuid/progress', {
      body: { lease_token: first.lease_token },
    });

    // cancel and retry
    await call('POST', '/api/v1/robots/{robot_id}/cancel', `/api/v1/robots/${created.body.robot_id}/cancel`, {
      body: { reason: 'docs' },
    });
    await call('POST', '/api/v1/robots/{robot_id}/cancel', `/api/v1/robots/${first.robot_id}/cancel`, { body: {} });
    await call('POST', '/api/v1/robots/{robot_id}/retry', `/api/v1/robots/${created.body.robot_id}/retry`);
    await call('POST', '/api/v1/robots/{robot_id}/retry', `/api/v1/robots/${first.robot_id}/retry`);
    await call('POST', '/api/v1/robots/{robot_id}/cancel', '/api/v1/robots/DOCS_0_0/cancel', { body: {} });
    expect((await call('POST', '/api/v1/robots/bulk', '/api/v1/robots/bulk', { body: bulk })).status).toBe(429);

    // monitoring, security, health
    await call('GET', '/api/v1/monitoring/dashboard', '/api/v1/monitoring/dashboard');
    await call('GET', '/api/v1/monitoring/dashboard', '/api/v1/monitoring/dashboard', { key: 'bf_00000000_wrong' });
    await call('GET', '/api/v1/monitoring/health', '/api/v1/monitoring/health');
    await call('GET', '/api/v1/monitoring/health', '/api/v1/monitoring/health', { key: reader.body.api_key });
    await call('GET', '/api/v1/monitoring/alerts', '/api/v1/monitoring/alerts?state=all');
    await call('GET', '/api/v1/monitoring/alerts', '/api/v1/monitoring/alerts?state=sometimes');
    await call('GET', '/api/v1/monitoring/forecast', '/api/v1/monitoring/forecast?target_seconds=1800');
    await call('GET', '/api/v1/monitoring/forecast', '/api/v1/monitoring/forecast?target_seconds=5');
    await call('GET', '/api/v1/security/audit', '/api/v1/security/audit?limit=5');
    await call('GET', '/api/v1/security/audit', '/api/v1/security/audit?limit=0');
    await call('GET', '/health/live', '/health/live', { key: null });
    await call('GET', '/health/ready', '/health/ready', { key: null });
    await call('GET', '/metrics', '/metrics', { key: null });

    // backups: on PGlite the restore drill runs in the app's process, so after the health calls
    const backup = await call<{ backup_id: string }>('POST', '/api/v1/backups', '/api/v1/backups');
    await call('POST', '/api/v1/backups', '/api/v1/backups');
    await call('GET', '/api/v1/backups', '/api/v1/backups?limit=5');
    await call('GET', '/api/v1/backups', '/api/v1/backups?limit=0');
    await call('GET', '/api/v1/backups/{backup_id}', `/api/v1/backups/${backup.body.backup_id}`);
    await call('GET', '/api/v1/backups/{backup_id}', '/api/v1/backups/00000000-0000-4000-8000-000000000000');
    await call('GET', '/api/v1/backups/{backup_id}', '/api/v1/backups/latest');
    await awaitBackup(t.url, backup.body.backup_id);

    // event delivery
    await call('GET', '/api/v1/events/catalogue', '/api/v1/events/catalogue');
    await call('GET', '/api/v1/events/consumers', '/api/v1/events/consumers');
    await call('GET', '/api/v1/events/parked', '/api/v1/events/parked?consumer=in-process');
    await call('GET', '/api/v1/events/parked', '/api/v1/events/parked?limit=0');
    const replayOne = '/api/v1/events/parked/{consumer}/{event_id}/replay';
    await call('POST', replayOne, '/api/v1/events/parked/in-process/1/replay');
    await call('POST', replayOne, '/api/v1/events/parked/in-process/first/replay');
    await call('POST', '/api/v1/events/consumers/{consumer}/replay', '/api/v1/events/consumers/in-process/replay');
    await call('POST', '/api/v1/events/consumers/{consumer}/replay', '/api/v1/events/consumers/nobody/replay');
    await call('DELETE', '/api/v1/events/consumers/{consumer}', '/api/v1/events/consumers/in-process');
    await call('DELETE', '/api/v1/events/consumers/{consumer}', '/api/v1/events/consumers/nobody');

    // notifications: subscriptions, the fan-out of a robot's events, the delivery log, replays
    const subs = '/api/v1/notifications/subscriptions';
    const sub = '/api/v1/notifications/subscriptions/{subscription_id}';
    const hook = await call<{ subscription_id: string }>('POST', subs, subs, {
      body: {
        channel: 'webhook',
        target: 'https://hooks.example.com/docs',
        event_types: ['robot.*'],
        filter: { robot_type: 'docs_check' },
      },
    });
    await call('POST', subs, subs, { body: { channel: 'sms', target: '12345', event_types: ['robot.failed'] } });
    const inApp = await call<{ subscription_id: string }>('POST', subs, subs, {
      body: { channel: 'in_app', target: 'docs', event_types: ['robot.created'] },
    });
    await call('GET', subs, `${subs}?channel=webhook&limit=1`);
    await call('GET', subs, `${subs}?status=MAYBE`);
    await call('GET', sub, `${subs}/${hook.body.subscription_id}`);
    await call('GET', sub, `${subs}/not-a-uuid`);
    await call('GET', sub, `${subs}/00000000-0000-4000-8000-000000000000`);
    await call('PATCH', sub, `${subs}/${hook.body.subscription_id}`, {
      body: { locale: 'es', retry_schedule: [0, 5] },
    });
    await call('PATCH', sub, `${subs}/${hook.body.subscription_id}`, { body: { event_types: ['robot.nothing'] } });
    const admins = await call<{ items: Array<{ subscription_id: string; system: boolean }> }>(
      'GET',
      subs,
      `${subs}?channel=in_app`,
    );
    const system = admins.body.items.find((s) => s.system)!;
    await call('PATCH', sub, `${subs}/${system.subscription_id}`, { body: { name: 'mine' } });
    await call('POST', `${sub}/rotate-secret`, `${subs}/${hook.body.subscription_id}/rotate-secret`);
    await call('POST', `${sub}/rotate-secret`, `${subs}/${inApp.body.subscription_id}/rotate-secret`);
    await call('POST', `${sub}/enable`, `${subs}/${hook.body.subscription_id}/enable`);
    await call('POST', `${sub}/enable`, `${subs}/00000000-0000-4000-8000-000000000000/enable`);
    const notified = await call<{ robot_id: string }>('POST', '/api/v1/robots', '/api/v1/robots', {
      body: { ...robot, notify: [{ channel: 'webhook', target: 'https://hooks.example.com/one' }] },
    });
    expect(notified.status).toBe(201);
    const deliveries = '/api/v1/notifications/deliveries';
    const listed = await eventually(
      () =>
        call<{ items: Array<{ delivery_id: string }> }>(
          'GET',
          deliveries,
          `${deliveries}?subscription_id=${hook.body.subscription_id}&limit=1`,
        ),
      (res) => res.body.items.length > 0,
    );
    const deliveryId = listed.body.items[0].delivery_id;
    await call('GET', deliveries, `${deliveries}?since=soon`);
    await call('GET', `${deliveries}/{delivery_id}`, `${deliveries}/${deliveryId}`);
    await call('GET', `${deliveries}/{delivery_id}`, `${deliveries}/00000000-0000-4000-8000-000000000000`);
    await call('POST', `${deliveries}/{delivery_id}/replay`, `${deliveries}/${deliveryId}/replay`);
    await call(
      'POST',
      `${deliveries}/{delivery_id}/replay`,
      `${deliveries}/00000000-0000-4000-8000-000000000000/replay`,
    );
    await t.db.query(`UPDATE notification_deliveries SET state = 'DEAD' WHERE delivery_id = $1`, [deliveryId]);
    await call('POST', `${deliveries}/{delivery_id}/replay`, `${deliveries}/${deliveryId}/replay`);
    const window = { since: '2026-01-01T00:00:00Z', until: '2099-01-01T00:00:00Z' };
    await call('POST', `${sub}/replay`, `${subs}/${hook.body.subscription_id}/replay`, { body: window });
    await call('POST', `${sub}/replay`, `${subs}/${hook.body.subscription_id}/replay`, { body: { since: 'then' } });
    await call('DELETE', sub, `${subs}/${inApp.body.subscription_id}`);
    await call('DELETE', sub, `${subs}/${inApp.body.subscription_id}`);
    await t.db.query(`UPDATE notification_subscriptions SET status = 'DISABLED' WHERE subscription_id = $1`, [
      hook.body.subscription_id,
    ]);
    await call('POST', `${sub}/replay`, `${subs}/${hook.body.subscription_id}/replay`, { body: window });
    // in-app notifications
    const [notification] = await writeInbox(t, 'admins', 2);
    const inbox = '/api/v1/notifications/inbox';
    await call('GET', inbox, `${inbox}?audience=admins&limit=1`);
    await call('GET', inbox, `${inbox}?unread_only=perhaps`);
    await call('GET', inbox, inbox, { key: reader.body.api_key });
    await call('GET', `${inbox}/unread-count`, `${inbox}/unread-count?audience=admins`);
    await call('GET', `${inbox}/unread-count`, `${inbox}/unread-count?audience=no%20spaces`);
    await call('POST', `${inbox}/{notification_id}/read`, `${inbox}/${notification}/read`);
    await call('POST', `${inbox}/{notification_id}/read`, `${inbox}/987654321/read`);
    await call('POST', `${inbox}/{notification_id}/read`, `${inbox}/first/read`);
    await call('POST', `${inbox}/read-all`, `${inbox}/read-all`, {
      body: { audience: 'admins', up_to_id: notification },
    });
    await call('POST', `${inbox}/read-all`, `${inbox}/read-all`, { body: { up_to_id: notification } });
    const stream = '/api/v1/notifications/stream';
    await call('GET', stream, `${stream}?audience=admins`, { headers: { 'last-event-id': String(notification) } });
    await call('GET', stream, stream, { headers: { 'last-event-id': 'latest' } });
    // notification templates
    const templates = '/api/v1/notifications/templates';
    const oneTemplate = `${templates}/{event_type}/{channel}/{locale}`;
    const template = {
      subject: 'Robot {{robot_id}} completado',
      body_text: 'En {{duration data.processing_time_ms}}.',
    };
    await call('GET', templates, `${templates}?channel=email`);
    await call('GET', templates, `${templates}?locale=fr`);
    await call('GET', oneTemplate, `${templates}/robot.completed/email/es`);
    await call('GET', oneTemplate, `${templates}/robot.completed/webhook/es`);
    await call('PUT', oneTemplate, `${templates}/robot.completed/email/es`, { body: template });
    await call('PUT', oneTemplate, `${templates}/robot.completed/email/es`, { body: { subject: '' } });
    await call('PUT', oneTemplate, `${templates}/robot.completed/email/es`, {
      body: { ...template, body_text: '{{data.nope}}' },
    });
    const preview = { ...template, event_type: 'robot.completed', channel: 'sms', locale: 'es' };
    await call('POST', `${templates}/preview`, `${templates}/preview`, { body: preview });
    await call('POST', `${templates}/preview`, `${templates}/preview`, { body: { ...preview, subject: '{{#if}}' } });
    await call('DELETE', oneTemplate, `${templates}/robot.completed/email/es`);
    await call('DELETE', oneTemplate, `${templates}/robot.completed/email/es`);
    // OCR documents, over real multipart bodies and the real OCR of a scanned line
    const line = await phototestLines(84, 40);
    const file = (bytes: Buffer, filename = 'line.png'): [string, { bytes: Buffer; filename: string }] => [
      'file',
      { bytes, filename },
    ];
    const documents = '/api/v1/ocr/documents';
    const synced = await call<{ document_id: string }>('POST', documents, documents, {
      form: form([['sync', 'true'], file(line)]),
    });
    expect(synced.status).toBe(200);
    expect((await call('POST', documents, documents, { form: form([file(line)]) })).status).toBe(200);
    expect(
      (await call('POST', documents, documents, { form: form([file(await phototestLines(188, 40))]) })).status,
    ).toBe(202);
    await call('POST', documents, documents, { form: form([['languages', 'eng']]) });
    await call('POST', documents, documents, { body: { file: 'x' } });
    await call('POST', documents, documents, { form: form([file(Buffer.alloc(OCR_MAX_BYTES + 1, 1))]) });
    await call('POST', documents, documents, { form: form([file(Buffer.from('plain text'), 'text.png')]) });
    const batch = `${documents}/batch`;
    await call('POST', batch, batch, { form: form([file(line), file(Buffer.from('plain text'), 'text.png')]) });
    await call('POST', batch, batch, { form: form([['engine', 'gpu'], file(line)]) });
    await call('POST', batch, batch, { body: {} });
    await call('GET', documents, `${documents}?limit=2`);
    await call('GET', documents, `${documents}?cursor=forged`);
    await call('GET', `${documents}/{document_id}`, `${documents}/${synced.body.document_id}`);
    await call('GET', `${documents}/{document_id}`, `${documents}/7c9e6679-7425-40de-944b-e07fc1f90ae7`);
    // vendor templates
    const templateBody = {
      vendor_name: 'Docs Vendor',
      keywords: ['Docs Vendor'],
      fields: { invoice_number: 'Invoice No\\.\\s*(\\d+)' },
      options: { currency: 'EUR', decimal_separator: ',' },
    };
    const vendorTemplates = '/api/v1/ocr/templates';
    const oneVendorTemplate = '/api/v1/ocr/templates/{id}';
    const userTemplate = await call<{ template_id: string }>('POST', vendorTemplates, vendorTemplates, {
      body: templateBody,
    });
    const other = await call<{ template_id: string }>('POST', vendorTemplates, vendorTemplates, {
      body: { ...templateBody, vendor_name: 'Docs Other' },
    });
    await call('POST', vendorTemplates, vendorTemplates, { body: templateBody });
    await call('POST', vendorTemplates, vendorTemplates, {
      body: { ...templateBody, vendor_name: 'Docs Unsafe', fields: { total: '(a+)+' } },
    });
    await call('POST', vendorTemplates, vendorTemplates, { body: { ...templateBody, keywords: [] } });
    await call('GET', vendorTemplates, `${vendorTemplates}?limit=1`);
    await call('GET', vendorTemplates, `${vendorTemplates}?source=SOMETIMES`);
    const templatePath = `${vendorTemplates}/${userTemplate.body.template_id}`;
    await call('GET', oneVendorTemplate, templatePath);
    await call('GET', oneVendorTemplate, `${vendorTemplates}/not-a-uuid`);
    await call('GET', oneVendorTemplate, `${vendorTemplates}/${randomUUID()}`);
    await call('PUT', oneVendorTemplate, templatePath, {
      body: { ...templateBody, keywords: ['Docs Vendor', 'Invoice'] },
    });
    await call('PUT', oneVendorTemplate, templatePath, { body: { ...templateBody, vendor_name: 'Docs Other' } });
    await call('PUT', oneVendorTemplate, templatePath, { body: { ...templateBody, fields: { tax: '(a|aa)*' } } });
    await call('PUT', oneVendorTemplate, `${vendorTemplates}/${randomUUID()}`, { body: templateBody });
    await call('DELETE', oneVendorTemplate, `${vendorTemplates}/${other.body.template_id}`);
    await call('DELETE', oneVendorTemplate, `${vendorTemplates}/${other.body.template_id}`);

    // the review queue
    const review = await t.app.get(ReviewQueue).enqueue({
      kind: 'ocr_field',
      document_id: null,
      robot_id: null,
      subject: {
        fields: [
          {
            name: 'total',
            value: 279.84,
            confidence: 0.45,
            reasons: ['total_consistent failed'],
            page: 1,
            box: { x0: 1, y0: 2, x1: 3, y1: 4 },
          },
          { name: 'iban', value: 'US1234567890', confidence: 0.45, reasons: ['iban_checksum failed'] },
        ],
        vendor: 'Docs Vendor',
        all_fields: { total: 279.84, iban: 'US1234567890' },
      },
    });
    const reviews = '/api/v1/reviews';
    const oneReview = '/api/v1/reviews/{id}';
    await call('GET', reviews, `${reviews}?kind=ocr_field&limit=5`);
    await call('GET', reviews, `${reviews}?status=LATER`);
    await call('GET', oneReview, `${reviews}/${review.review_id}`);
    await call('GET', oneReview, `${reviews}/42`);
    await call('GET', oneReview, `${reviews}/${randomUUID()}`);
    await call('POST', oneReview, `${reviews}/${review.review_id}`, { body: { fields: { total: 'lots' } } });
    await call('POST', oneReview, `${reviews}/${randomUUID()}`, { body: { dismiss: true } });
    await call('POST', oneReview, `${reviews}/${review.review_id}`, { body: { fields: { total: 262.9 } } });
    await call('POST', oneReview, `${reviews}/${review.review_id}`, { body: { dismiss: true } });

    // emails: raw RFC 822 uploads (no class or rule yet: a person reviews them), an mbox import
    const emails = '/api/v1/emails';
    const oneEmail = '/api/v1/emails/{email_id}';
    const rawEmail = (raw: Buffer | string) => ({ raw, type: 'message/rfc822' });
    const csv = Buffer.from('invoice,total\nINV-1,10.00\n');
    const message = rfc822({
      subject: 'Invoice INV-2026-0042',
      body: 'Please find our invoice INV-2026-0042, due 15/12/2026.',
      attachments: [{ filename: 'lines.csv', type: 'text/csv', content: csv }],
    });
    const taken = await call<{ email_id: string }>('POST', emails, emails, rawEmail(message));
    expect(taken.status).toBe(201);
    expect((await call('POST', emails, emails, rawEmail(message))).status).toBe(200);
    await call('POST', emails, emails, rawEmail(Buffer.alloc(0)));
    await call('POST', emails, emails, rawEmail(rfc822({ body: 'x'.repeat(EMAIL_MAX_BYTES) })));
    await call('POST', emails, emails, { body: { raw: 'x' } });
    const junk = await call<{ email_id: string }>(
      'POST',
      emails,
      emails,
      rawEmail(Buffer.from([0x00, 0xff, 0x13, 0x37, 0x00, 0x00, 0x89, 0x50])),
    );
    expect(junk.status).toBe(422);
    const archive = mbox([rfc822({ subject: 'From the archive' }), Buffer.from('not an email\r\n')]);
    const imported = await call<string>('POST', `${emails}/import`, `${emails}/import`, {
      raw: archive,
      type: 'application/mbox',
      lines: true,
    });
    expect(JSON.parse(imported.body.trim().split('\n').at(-1)!)).toMatchObject({ type: 'summary', messages: 2 });
    await call('POST', `${emails}/import`, `${emails}/import`, { body: {}, lines: true });
    await call('GET', emails, `${emails}?limit=2`);
    await call('GET', emails, `${emails}?status=WHATEVER`);
    const emailPath = `${emails}/${taken.body.email_id}`;
    const noEmail = `${emails}/${randomUUID()}`;
    await call('GET', oneEmail, emailPath);
    await call('GET', oneEmail, `${emails}/not-a-uuid`);
    await call('GET', oneEmail, noEmail);
    const attachment = `${oneEmail}/attachments/{position}`;
    await call('GET', attachment, `${emailPath}/attachments/0`);
    await call('GET', attachment, `${emailPath}/attachments/7`);
    await call('GET', attachment, `${emailPath}/attachments/first`);
    // The email waiting in review takes its class from the label; a refused one has none to correct.
    await call('POST', `${oneEmail}/label`, `${emailPath}/label`, { body: { class_name: 'invoice' } });
    await call('POST', `${oneEmail}/label`, `${emailPath}/label`, { body: { class_name: 'no spaces' } });
    await call('POST', `${oneEmail}/label`, `${noEmail}/label`, { body: { class_name: 'invoice' } });
    await call('POST', `${oneEmail}/label`, `${emails}/${junk.body.email_id}/label`, {
      body: { class_name: 'invoice' },
    });

    // email classes: each class's route
    const classes = '/api/v1/email/classes';
    const oneClass = '/api/v1/email/classes/{name}';
    expect(
      (await call('PUT', oneClass, `${classes}/invoice`, { body: { robot_type: 'docs_check', min_confidence: 0.5 } }))
        .status,
    ).toBe(201);
    expect(
      (await call('PUT', oneClass, `${classes}/invoice`, { body: { robot_type: 'docs_check', priority: 'HIGH' } }))
        .status,
    ).toBe(200);
    await call('PUT', oneClass, `${classes}/invoice`, { body: { robot_type: 'Not A Type' } });
    await call('GET', classes, classes);
    await call('GET', oneClass, `${classes}/invoice`);
    await call('GET', oneClass, `${classes}/-invoice`);
    await call('GET', oneClass, `${classes}/nothing`);
    await call('PUT', oneClass, `${classes}/spare`, { body: { robot_type: null } });
    await call('DELETE', oneClass, `${classes}/spare`);
    await call('DELETE', oneClass, `${classes}/spare`);
    // email rules
    const rules = '/api/v1/email/rules';
    const oneRule = '/api/v1/email/rules/{id}';
    const rule = { name: 'docs invoices', conditions: { subject_pattern: '^invoice\\b' }, class_name: 'invoice' };
    const added = await call<{ rule_id: string }>('POST', rules, rules, { body: rule });
    await call('POST', rules, rules, { body: { ...rule, name: 'docs bank', conditions: { domain: 'bank.example' } } });
    await call('POST', rules, rules, { body: { ...rule, name: 'docs none', conditions: {} } });
    await call('POST', rules, rules, { body: { ...rule, name: 'DOCS INVOICES' } });
    await call('POST', rules, rules, {
      body: { ...rule, name: 'docs unsafe', conditions: { subject_pattern: '(a|aa)*b' } },
    });
    await call('GET', rules, rules);
    const rulePath = `${rules}/${added.body.rule_id}`;
    const noRule = `${rules}/${randomUUID()}`;
    await call('GET', oneRule, rulePath);
    await call('GET', oneRule, `${rules}/not-a-uuid`);
    await call('GET', oneRule, noRule);
    await call('PATCH', oneRule, rulePath, { body: { position: 5, mode: 'fallback' } });
    await call('PATCH', oneRule, rulePath, { body: { position: -1 } });
    await call('PATCH', oneRule, noRule, { body: { position: 5 } });
    await call('PATCH', oneRule, rulePath, { body: { name: 'docs bank' } });
    await call('PATCH', oneRule, rulePath, { body: { conditions: { body_pattern: '(\\w+\\s?)+$' } } });
    await call('DELETE', oneRule, rulePath);
    await call('DELETE', oneRule, rulePath);
    // training examples; the bulk and training routes count against RATE_LIMIT_BULK_PER_MINUTE, which
    // the robots above used up for the admin key: each of these has a key of its own
    const emailKey = async (name: string) =>
      (
        await call<{ api_key: string }>('POST', '/api/v1/api-keys', '/api/v1/api-keys', {
          body: { name, scopes: ['email:read', 'email:write'] },
        })
      ).body.api_key;
    const loader = await emailKey('docs-examples');
    const trainer = await emailKey('docs-trainer');
    const examples = '/api/v1/email/training/examples';
    const models = '/api/v1/email/training/models';
    await call('POST', models, models, { key: trainer });
    const example = await call<{ example_id: string }>('POST', examples, examples, {
      body: { label: 'spam', subject: 'You won', text: 'Claim your prize now' },
    });
    await call('POST', examples, examples, { body: { text: 'no label' } });
    await call('POST', examples, examples, { body: { label: 'spam', raw: '%PDF-1.7 binary' } });
    const labelled = Array.from({ length: 12 }, (_, i) =>
      i % 2 === 0
        ? { label: 'invoice', subject: `Invoice ${i}`, text: `Invoice ${i} is due: total ${i}0.00 EUR` }
        : { label: 'spam', subject: `Win ${i}`, text: `You won ${i} prizes, click here` },
    );
    await call('POST', `${examples}/bulk`, `${examples}/bulk`, { body: { examples: labelled }, key: loader });
    await call('POST', `${examples}/bulk`, `${examples}/bulk`, { body: { examples: [] }, key: loader });
    await call('POST', `${examples}/bulk`, `${examples}/bulk`, {
      body: { examples: [labelled[0], { label: 'spam', raw: 'not an email' }] },
      key: loader,
    });
    await call('GET', examples, `${examples}?limit=2`);
    await call('GET', examples, `${examples}?cursor=bogus`);
    const examplePath = `${examples}/${example.body.example_id}`;
    await call('DELETE', `${examples}/{id}`, examplePath);
    await call('DELETE', `${examples}/{id}`, examplePath);
    await call('DELETE', `${examples}/{id}`, `${examples}/not-a-uuid`);
    // model versions: two trainings at once, one refused while the other trains (in the background)
    const started = await Promise.all([
      call<{ version: number }>('POST', models, models, { key: trainer }),
      call<{ version: number }>('POST', models, models, { key: trainer }),
    ]);
    const version = started.find((res) => res.status === 202)!.body.version;
    const oneModel = `${models}/{version}`;
    await eventually(
      () => call<{ status: string }>('GET', oneModel, `${models}/${version}`),
      (res) => res.body.status !== 'TRAINING',
      60_000,
    );
    await call('GET', oneModel, `${models}/999999`);
    await call('GET', oneModel, `${models}/first`);
    await call('GET', models, `${models}?limit=1`);
    await call('GET', models, `${models}?limit=0`);
    await call('POST', `${oneModel}/activate`, `${models}/${version}/activate`);
    await call('POST', `${oneModel}/activate`, `${models}/${version}/activate`);
    await call('POST', `${oneModel}/activate`, `${models}/999999/activate`);
    // a dry run with the active model
    const classify = '/api/v1/email/classify';
    await call('POST', classify, classify, { body: { subject: 'Invoice 42', text: 'Invoice 42 is due: 10.00 EUR' } });
    await call('POST', classify, classify, { body: {} });
    await call('POST', classify, classify, { body: { raw: '%PDF-1.7 binary' } });

    // email mailboxes (no ingestor in this app: stored, not watched; port 1 refuses the check)
    const mailboxes = '/api/v1/email/mailboxes';
    const oneMailbox = '/api/v1/email/mailboxes/{mailbox_id}';
    const mailboxBody = {
      name: 'docs-box',
      host: '127.0.0.1',
      port: 1,
      secure: false,
      username: 'bot',
      password: 'pw',
    };
    const box = await call<{ mailbox_id: string }>('POST', mailboxes, mailboxes, { body: mailboxBody });
    await call('POST', mailboxes, mailboxes, { body: mailboxBody });
    await call('POST', mailboxes, mailboxes, { body: { ...mailboxBody, name: 'docs-box-2', port: 0 } });
    await call('GET', mailboxes, `${mailboxes}?limit=1`);
    await call('GET', mailboxes, `${mailboxes}?limit=0`);
    const boxPath = `${mailboxes}/${box.body.mailbox_id}`;
    const noBox = `${mailboxes}/${randomUUID()}`;
    await call('GET', oneMailbox, boxPath);
    await call('GET', oneMailbox, noBox);
    await call('PATCH', oneMailbox, boxPath, { body: { folder: 'Archive' } });
    await call('PATCH', oneMailbox, boxPath, { body: { after_processing: 'move' } });
    await call('PATCH', oneMailbox, noBox, { body: {} });
    await call('POST', `${oneMailbox}/pause`, `${boxPath}/pause`);
    await call('POST', `${oneMailbox}/pause`, `${noBox}/pause`);
    await call('POST', `${oneMailbox}/resume`, `${boxPath}/resume`);
    await call('POST', `${oneMailbox}/check`, `${boxPath}/check`);
    await call('POST', `${oneMailbox}/check`, `${noBox}/check`);
    await call('DELETE', oneMailbox, boxPath);
    await call('DELETE', oneMailbox, noBox);

    // Each route answered what the scenario meant it to: a drift here means the scenario no longer tests that answer.
    expect(Object.fromEntries([...exercised].map(([id, statuses]) => [id, [...statuses].sort().join(' ')]))).toEqual(
      EXERCISED,
    );
    const operations = Object.values(doc.paths).flatMap((byMethod) => Object.values(byMethod));
    // Every documented operation was called at least once.
    expect(operations.map((operation) => operation.operationId).filter((id) => !exercised.has(id))).toEqual([]);
  });
});
