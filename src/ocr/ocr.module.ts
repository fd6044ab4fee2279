import { Module } from '@nestjs/common';
import { OcrPipelineModule } from './pipeline/ocr-pipeline.module.js';

/**
 * Document text extraction, preprocessing, confidence, hash dedupe [OCREngine].
 * The layer's place in the dependency graph is fixed now; its behaviour arrives with its issue.
 */
@Module({ imports: [OcrPipelineModule], exports: [OcrPipelineModule] })
export class OcrModule {}
