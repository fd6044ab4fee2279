import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import nodemailer, { type SentMessageInfo, type Transporter } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';
import { AppConfig } from '../../../core/config/app-config.service.js';
import { redactedSmtpUrl, smtpPoolOptions } from './smtp-settings.js';

/**
 * One pooled nodemailer transport to the relay in SMTP_URL (SMTP_POOL_SIZE connections), created
 * when the first message goes out and closed with the app. It is the transport and sendMail that
 * @nestjs-modules/mailer's MailerService wraps. That package (2.3.7) was tried and dropped: it is
 * CommonJS and `require`s @nestjs/common, which Nest 12 ships as ES modules only, so every suite
 * booting the app fails under Jest; it also requires lodash without declaring it
 * (nest-modules/mailer#726).
 */
@Injectable()
export class SmtpMailer implements OnModuleDestroy {
  private readonly logger = new Logger(SmtpMailer.name);
  private transport: Transporter<SentMessageInfo> | null = null;

  constructor(private readonly config: AppConfig) {}

  get configured(): boolean {
    return this.config.get('SMTP_URL') !== undefined;
  }

  get url(): string | undefined {
    return this.config.get('SMTP_URL');
  }

  get from(): string {
    return this.config.get('SMTP_FROM');
  }

  async sendMail(message: Mail.Options): Promise<SentMessageInfo> {
    return this.pool().sendMail({ from: this.from, ...message });
  }

  onModuleDestroy(): void {
    this.transport?.close();
    this.transport = null;
  }

  private pool(): Transporter<SentMessageInfo> {
    if (this.transport) return this.transport;
    const url = this.url;
    if (!url) throw new Error('SMTP not configured');
    this.transport = nodemailer.createTransport(
      smtpPoolOptions({
        SMTP_URL: url,
        SMTP_POOL_SIZE: this.config.get('SMTP_POOL_SIZE'),
        SMTP_TIMEOUT_MS: this.config.get('SMTP_TIMEOUT_MS'),
      }),
    );
    this.logger.log(`Email through ${redactedSmtpUrl(url)} (${this.config.get('SMTP_POOL_SIZE')} pooled connections)`);
    return this.transport;
  }
}
