import { Module } from '@nestjs/common';

/**
 * Document text extraction, preprocessing, confidence, hash dedupe [OCREngine].
 * The layer's place in the dependency graph is fixed now; its behaviour arrives with its issue.
 */
@Module({})
export class OcrModule {}
