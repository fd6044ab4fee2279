import { Module } from '@nestjs/common';
import { StateModule } from '../../state/state.module.js';
import { InAppChannel } from '../channels/in-app/in-app.channel.js';
import { NotificationTemplatesModule } from '../templates/templates.module.js';
import { InboxFeed } from './inbox-feed.service.js';
import { InboxStreamController } from './inbox-stream.controller.js';
import { InboxStreams } from './inbox-streams.service.js';
import { InboxController } from './inbox.controller.js';
import { InboxRepository } from './inbox.repository.js';
import { InboxService } from './inbox.service.js';

/** In-app notifications: the in_app channel, the inbox API and its live stream. */
@Module({
  imports: [StateModule, NotificationTemplatesModule],
  controllers: [InboxController, InboxStreamController],
  providers: [InboxRepository, InboxFeed, InboxStreams, InboxService, InAppChannel],
  exports: [InAppChannel, InboxFeed],
})
export class NotificationInboxModule {}
