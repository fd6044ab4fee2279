import 'reflect-metadata';
import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { AppConfig } from './core/config/app-config.service.js';
import { validateEnvironment } from './core/config/environment.js';
import { drainOnSigterm, NEST_SHUTDOWN_SIGNALS } from './core/http/graceful-drain.js';
import { limitJsonDepth } from './core/http/json-depth.js';
import { registerMultipart } from './core/http/multipart.js';
import { registerRawBodies } from './core/http/raw-bodies.js';
import { requestTimeout } from './core/http/request-timeout.js';
import { securityHeaders } from './core/http/security-headers.js';
import { cacheValidationMetadata } from './core/validation/validation-metadata-cache.js';
import { REQUEST_ID_HEADER, requestIdFor } from './core/logging/logging.module.js';
import { JobRunner } from './state/job-runner.service.js';
import { WARNING_HEADER } from './orchestrator/dto/robot-warning.dto.js';
import { API_KEY_SCHEME, BEARER_SCHEME } from './security/auth.decorator.js';

export const API_TITLE = 'botfleet';
export const INSTANCE_ID_HEADER = 'X-Instance-Id';

/**
 * Builds the application exactly as `main.ts` runs it; tests call this too (a test may wrap
 * AppModule in a module of its own to add a probe route). Configuration is
 * validated before Nest starts so a bad variable fails fast with a message naming it.
 */
export async function createApp(root: DynamicModule = AppModule.forRoot()): Promise<NestFastifyApplication> {
  const env = validateEnvironment(process.env);
  cacheValidationMetadata();
  const adapter = new FastifyAdapter({
    bodyLimit: env.BODY_LIMIT_BYTES,
    // Logging is nestjs-pino's; Fastify only assigns the request id it logs under.
    logger: false,
    genReqId: requestIdFor,
    // Close idle keep-alive sockets at shutdown so draining does not wait for clients.
    forceCloseConnections: 'idle',
    // A request on a connection accepted before the close is served, not refused: behind nginx a
    // POST answered 503 is not retried elsewhere (it was sent). The drain before the close
    // (graceful-drain.ts) has every answer end its connection, so none lingers.
    return503OnClosing: false,
    trustProxy: env.TRUST_PROXY,
  });
  const app = await NestFactory.create<NestFastifyApplication>(root, adapter, {
    bufferLogs: true,
    // A boot that fails keeps its buffered lines to itself: main.ts reports the failure in one line.
    autoFlushLogs: false,
    abortOnError: false,
    // JSON bodies only: Nest's parsers would add application/x-www-form-urlencoded (a form-encoded
    // cancel or claim was acted on). Fastify's own JSON parser stays (bodyLimit, prototype-poisoning
    // checks); its text/plain parser goes, so any other Content-Type is refused with 415.
    bodyParser: false,
  });
  app.getHttpAdapter().getInstance().removeContentTypeParser('text/plain');
  app.useLogger(app.get(Logger));
  // Which instance answered (host:pid:random, as in job_runs and the dashboard): behind a load
  // balancer, an operator or a test can tell the replicas apart.
  const instanceId = app.get(JobRunner).instanceId;
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      void reply.header(REQUEST_ID_HEADER, request.id);
      void reply.header(INSTANCE_ID_HEADER, instanceId);
      done();
    });
  requestTimeout(app.getHttpAdapter().getInstance(), env.REQUEST_TIMEOUT_MS);
  limitJsonDepth(app.getHttpAdapter().getInstance());
  await registerMultipart(app, {
    fileSize: env.OCR_MAX_BYTES,
    files: env.OCR_BATCH_MAX_FILES,
    routes: ['/api/v1/ocr/'],
  });
  registerRawBodies(app.getHttpAdapter().getInstance(), {
    types: ['message/rfc822', 'application/mbox'],
    routes: ['/api/v1/emails'],
  });
  // Security headers; the CSP lets Swagger UI's own inline bootstrap run, and nothing external.
  securityHeaders(app.getHttpAdapter().getInstance(), {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        // Served over plain HTTP inside a cluster or on a laptop too: do not force https sub-requests.
        upgradeInsecureRequests: null,
      },
    },
  });
  const corsOrigins = app.get(AppConfig).get('CORS_ORIGINS');
  if (corsOrigins) {
    app.enableCors({
      origin: corsOrigins === '*' ? '*' : corsOrigins.split(','),
      allowedHeaders: ['Content-Type', 'X-API-Key', 'Authorization', 'Idempotency-Key', 'X-Request-Id'],
      exposedHeaders: [
        'X-Request-Id',
        INSTANCE_ID_HEADER,
        'Retry-After',
        'RateLimit-Limit',
        'RateLimit-Remaining',
        'RateLimit-Reset',
        WARNING_HEADER,
      ],
    });
  }
  app.enableShutdownHooks(NEST_SHUTDOWN_SIGNALS);
  drainOnSigterm(app, env.SHUTDOWN_DRAIN_MS);
  app.flushLogs();

  if (app.get(AppConfig).get('SWAGGER_ENABLED')) {
    SwaggerModule.setup('docs', app, openApiDocument(app), { jsonDocumentUrl: 'docs-json' });
  }
  return app;
}

/** The OpenAPI document the app serves at /docs-json; the client package generates its types from it. */
export function openApiDocument(app: NestFastifyApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(API_TITLE)
      .setDescription('Orchestration of automation robots: modules, routing, robot lifecycle, monitoring.')
      .setVersion('0.1.0')
      .addApiKey(
        { type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'An API key: bf_<key_prefix>_<secret>' },
        API_KEY_SCHEME,
      )
      // addSecurity, not addBearerAuth: that one declares bearerFormat JWT, and the token is the API key.
      .addSecurity(BEARER_SCHEME, {
        type: 'http',
        scheme: 'bearer',
        description: 'The same API key as a bearer token',
      })
      .build(),
  );
}
