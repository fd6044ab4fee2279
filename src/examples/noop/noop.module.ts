import { Module } from '@nestjs/common';
import { NoopHandler } from './noop.handler.js';

@Module({ providers: [NoopHandler] })
export class NoopModule {}
