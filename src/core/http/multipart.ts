import fastifyMultipart from '@fastify/multipart';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

export interface MultipartLimits {
  /** Largest file part; the reader sees `truncated` past it and answers 413. */
  fileSize: number;
  files: number;
  /** Route prefixes that read multipart bodies; anywhere else one is refused with 415 as before. */
  routes: string[];
}

/**
 * Registers @fastify/multipart with bounded parts. The parser does not read the body: a route
 * reads it as a stream (`request.parts()`), after authentication, so an unauthenticated upload is
 * never buffered. Its content-type parser is global, so the other routes keep refusing multipart
 * bodies with the same 415 a JSON-only route gives.
 */
export async function registerMultipart(app: NestFastifyApplication, limits: MultipartLimits): Promise<void> {
  await app.register(fastifyMultipart, {
    // The reader marks an oversized part and reads on, so a batch answers for each of its files.
    throwFileSizeLimit: false,
    limits: {
      fileSize: limits.fileSize,
      files: limits.files,
      // Options are a few short fields; anything bigger is not an OCR request.
      fields: 16,
      fieldSize: 1_024,
      fieldNameSize: 100,
      parts: limits.files + 16,
      headerPairs: 100,
    },
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('preValidation', async (request) => {
      const url = request.routeOptions.url ?? '';
      if (request.isMultipart() && !limits.routes.some((prefix) => url.startsWith(prefix))) {
        throw Object.assign(new Error('multipart body on a JSON route'), {
          statusCode: 415,
          code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
        });
      }
    });
}
