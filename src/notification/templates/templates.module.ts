import { Module } from '@nestjs/common';
import { EmailChannel } from '../channels/email/email.channel.js';
import { SmtpMailer } from '../channels/email/smtp-mailer.service.js';
import { NOTIFICATION_RENDERER } from '../channels/notification-channel.js';
import { SmsChannel } from '../channels/sms/sms.channel.js';
import { NotificationTemplatesRepository } from './notification-templates.repository.js';
import { TemplateCompiler } from './template-compiler.js';
import { TemplateOverrides } from './template-overrides.service.js';
import { TemplateService } from './template.service.js';
import { TemplatesAdminService } from './templates-admin.service.js';
import { TemplatesController } from './templates.controller.js';

/**
 * What notifications look like: the renderer (NOTIFICATION_RENDERER) with its shipped and stored
 * templates, the templates API, and the channels that render them (email over SMTP, SMS over the
 * Twilio Messages API). The dispatcher finds the channels by their @NotificationChannel mark.
 */
@Module({
  controllers: [TemplatesController],
  providers: [
    NotificationTemplatesRepository,
    TemplateCompiler,
    TemplateOverrides,
    TemplateService,
    { provide: NOTIFICATION_RENDERER, useExisting: TemplateService },
    TemplatesAdminService,
    SmtpMailer,
    EmailChannel,
    SmsChannel,
  ],
  exports: [NOTIFICATION_RENDERER, EmailChannel, SmsChannel],
})
export class NotificationTemplatesModule {}
