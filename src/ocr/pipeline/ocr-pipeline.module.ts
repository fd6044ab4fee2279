import { Module } from '@nestjs/common';
import { OcrEngines } from '../engines/ocr-engines.service.js';
import { OCR_PIPELINE } from '../ocr.types.js';
import { OcrMetrics } from './ocr-metrics.js';
import { OcrPipelineService } from './ocr-pipeline.service.js';
import { PageRecogniser } from './page-recogniser.js';

/**
 * Everything behind `OcrPipeline.recognise`: validation, the PDF text layer, preprocessing, both
 * engines in their pools. Needs only the app configuration; OcrModule imports it, monitoring adds
 * its metrics to /metrics.
 */
@Module({
  providers: [
    OcrMetrics,
    OcrEngines,
    PageRecogniser,
    OcrPipelineService,
    { provide: OCR_PIPELINE, useExisting: OcrPipelineService },
  ],
  exports: [OCR_PIPELINE, OcrPipelineService, OcrMetrics],
})
export class OcrPipelineModule {}
