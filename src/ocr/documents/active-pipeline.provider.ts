import type { Provider } from '@nestjs/common';
import { AppConfig } from '../../core/config/app-config.service.js';
import { OCR_PIPELINE, type OcrPipeline } from '../ocr.types.js';
import { DevOcrPipeline } from './dev-pipeline.js';

/** The pipeline the `ocr_extract` handler runs. */
export const ACTIVE_PIPELINE = Symbol('ACTIVE_OCR_PIPELINE');

/**
 * OCR_PIPELINE when a module provides it (the pipeline part, imported by OcrModule); otherwise the
 * dev pipeline, which is replaced by the pipeline part on merge. The real pipeline is passed on
 * through a plain wrapper, so Nest runs its lifecycle hooks once, as its own provider.
 */
export const activePipelineProvider: Provider = {
  provide: ACTIVE_PIPELINE,
  inject: [AppConfig, { token: OCR_PIPELINE, optional: true }],
  useFactory: (config: AppConfig, pipeline?: OcrPipeline): OcrPipeline =>
    pipeline
      ? { recognise: (...args: Parameters<OcrPipeline['recognise']>) => pipeline.recognise(...args) }
      : new DevOcrPipeline(config.get('DATA_DIR')),
};
