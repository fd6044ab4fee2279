import { Module } from '@nestjs/common';
import { TextStatsHandler } from './text-stats.handler.js';

/** Import this module in AppModule and botfleet runs its handler: nothing else to wire. */
@Module({ providers: [TextStatsHandler] })
export class TextStatsModule {}
