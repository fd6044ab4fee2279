import { Module } from '@nestjs/common';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config.service.js';
import { CONTENT_STORE, FileContentStore } from './content-store.js';

/**
 * The content-addressed store for uploaded documents and attachments (OCR, email): import this
 * module and inject CONTENT_STORE. Files live in CONTENT_STORE_DIR, by default `<DATA_DIR>/blobs`.
 */
@Module({
  providers: [
    {
      provide: CONTENT_STORE,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        new FileContentStore(config.get('CONTENT_STORE_DIR') ?? join(config.get('DATA_DIR'), 'blobs')),
    },
  ],
  exports: [CONTENT_STORE],
})
export class StorageModule {}
