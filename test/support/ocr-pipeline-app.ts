import { type DynamicModule, Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { readFileSync } from 'node:fs';
import { deflateSync, crc32 } from 'node:zlib';
import { AppConfigModule } from '../../src/core/config/config.module.js';
import { OcrPipelineModule } from '../../src/ocr/pipeline/ocr-pipeline.module.js';
import { OcrPipelineService } from '../../src/ocr/pipeline/ocr-pipeline.service.js';
import { resetEnv, setEnv } from './test-app.js';

@Module({})
class PipelineRoot {
  static forRoot(): DynamicModule {
    return { module: PipelineRoot, imports: [AppConfigModule.forRoot(), OcrPipelineModule] };
  }
}

export interface PipelineApp {
  app: INestApplicationContext;
  pipeline: OcrPipelineService;
}

/** The OCR pipeline alone (configuration + OcrPipelineModule), as OcrModule gets it: no database, no HTTP. */
export async function startPipeline(env: Record<string, string> = {}): Promise<PipelineApp> {
  resetEnv();
  setEnv({ LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', ...env });
  const app = await NestFactory.createApplicationContext(PipelineRoot.forRoot(), { logger: false });
  await app.init();
  return { app, pipeline: app.get(OcrPipelineService) };
}

export const ocrFixture = (name: string): Buffer => readFileSync(`test/fixtures/ocr/${name}`);
export const groundTruth = (name: string): string =>
  readFileSync(`test/fixtures/ocr/tesseract-test/${name}.txt`, 'utf8');

const chunk = (type: string, data: Buffer) => {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

/** A 300-byte PNG declaring `side` x `side` gray pixels: a decompression bomb (2.5 GB decoded at 50,000). */
export function bombPng(side = 50_000): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([8, 0, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.alloc(side + 1))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
