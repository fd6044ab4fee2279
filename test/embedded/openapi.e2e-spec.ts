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
import { TemplateBodyDto } from '../../src/ocr/invoices/dto/template.dto.js';
import { RegisterModuleDto, UpdateModuleDto } from '../../src/registry/dto/register-module.dto.js';
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
import { http, type HttpResult, useTestApp } from '../support/test-app.js';

const PROBLEM_REF = '#/components/schemas/ProblemDetailsDto';
const PROBLEM_TYPE = 'application/problem+json';
const BODY_LIMIT = 32_768;

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
  // A reviewed value is text or a number (an amount): the number branch of its oneOf.
  ReviewFieldDto: ['confidence', 'value/oneOf/1'],
};

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
  HealthController_live: '200',
  HealthController_ready: '200',
  PublicMetricsController_scrape: '200',
  EventsController_catalogue: '200',
  EventsController_consumers: '200',
  EventsController_parked: '200 400',
  EventsController_replay: '400 404',
  EventsController_replayAll: '202 404',
  EventsController_forget: '404 409',
  InvoiceTemplatesController_create: '201 400 409 422',
  InvoiceTemplatesController_list: '200 400',
  InvoiceTemplatesController_get: '200 400 404',
  InvoiceTemplatesController_replace: '200 404 409 422',
  InvoiceTemplatesController_delete: '204 404',
  ReviewsController_list: '200 400',
  ReviewsController_get: '200 400 404',
  ReviewsController_answer: '200 400 404 409',
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
  TemplateBodyDto,
  AnswerReviewDto,
];

/**
 * The OpenAPI document against the service's real answers: each answer below must be one the
 * document declares for its route and status, with the content type and a body its schema accepts.
 */
describe('the OpenAPI document at /docs-json', () => {
  const t = useTestApp({ BODY_LIMIT_BYTES: String(BODY_LIMIT), RATE_LIMIT_BULK_PER_MINUTE: '3' });
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
    init: { body?: unknown; raw?: string; type?: string; key?: string | null; headers?: Record<string, string> } = {},
  ): Promise<HttpResult<T>> {
    const body = init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
    const res = await http<T>(`${t.url}${path}`, {
      method,
      key: init.key,
      headers: { ...(body === undefined ? {} : { 'content-type': init.type ?? 'application/json' }), ...init.headers },
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
        if (rule.name === 'isInt')
          expect({ where, type: properties[rule.propertyName].type }).toEqual({ where, type: 'integer' });
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
    await call('GET', '/api/v1/security/audit', '/api/v1/security/audit?limit=5');
    await call('GET', '/api/v1/security/audit', '/api/v1/security/audit?limit=0');
    await call('GET', '/health/live', '/health/live', { key: null });
    await call('GET', '/health/ready', '/health/ready', { key: null });
    await call('GET', '/metrics', '/metrics', { key: null });

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

    // vendor templates
    const templateBody = {
      vendor_name: 'Docs Vendor',
      keywords: ['Docs Vendor'],
      fields: { invoice_number: 'Invoice No\\.\\s*(\\d+)' },
      options: { currency: 'EUR', decimal_separator: ',' },
    };
    const templates = '/api/v1/ocr/templates';
    const oneTemplate = '/api/v1/ocr/templates/{id}';
    const userTemplate = await call<{ template_id: string }>('POST', templates, templates, { body: templateBody });
    const other = await call<{ template_id: string }>('POST', templates, templates, {
      body: { ...templateBody, vendor_name: 'Docs Other' },
    });
    await call('POST', templates, templates, { body: templateBody });
    await call('POST', templates, templates, {
      body: { ...templateBody, vendor_name: 'Docs Unsafe', fields: { total: '(a+)+' } },
    });
    await call('POST', templates, templates, { body: { ...templateBody, keywords: [] } });
    await call('GET', templates, `${templates}?limit=1`);
    await call('GET', templates, `${templates}?source=SOMETIMES`);
    const templatePath = `${templates}/${userTemplate.body.template_id}`;
    await call('GET', oneTemplate, templatePath);
    await call('GET', oneTemplate, `${templates}/not-a-uuid`);
    await call('GET', oneTemplate, `${templates}/${randomUUID()}`);
    await call('PUT', oneTemplate, templatePath, { body: { ...templateBody, keywords: ['Docs Vendor', 'Invoice'] } });
    await call('PUT', oneTemplate, templatePath, { body: { ...templateBody, vendor_name: 'Docs Other' } });
    await call('PUT', oneTemplate, templatePath, { body: { ...templateBody, fields: { tax: '(a|aa)*' } } });
    await call('PUT', oneTemplate, `${templates}/${randomUUID()}`, { body: templateBody });
    await call('DELETE', oneTemplate, `${templates}/${other.body.template_id}`);
    await call('DELETE', oneTemplate, `${templates}/${other.body.template_id}`);

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

    // Each route answered what the scenario meant it to: a drift here means the scenario no longer tests that answer.
    expect(Object.fromEntries([...exercised].map(([id, statuses]) => [id, [...statuses].sort().join(' ')]))).toEqual(
      EXERCISED,
    );
    const operations = Object.values(doc.paths).flatMap((byMethod) => Object.values(byMethod));
    // Every documented operation was called at least once.
    expect(operations.map((operation) => operation.operationId).filter((id) => !exercised.has(id))).toEqual([]);
  });
});
