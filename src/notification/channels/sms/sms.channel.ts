import { Inject } from '@nestjs/common';
import { request } from 'undici';
import { AppConfig } from '../../../core/config/app-config.service.js';
import {
  NOTIFICATION_RENDERER,
  NotificationChannel,
  type DeliveryOutcome,
  type NotificationChannelAdapter,
  type NotificationRenderer,
  type OutgoingNotification,
  type RenderedMessage,
} from '../notification-channel.js';
import { renderFailure } from '../render-failure.js';
import { E164, fitSms } from './sms-segments.js';
import { twilioOutcome } from './twilio-outcome.js';

const NOT_CONFIGURED: DeliveryOutcome = {
  ok: false,
  error: 'SMS not configured: set SMS_ACCOUNT_SID, SMS_AUTH_TOKEN and SMS_FROM (or SMS_MESSAGING_SERVICE_SID)',
};
const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * SMS through Twilio's Messages API, or any gateway speaking it (SMS_BASE_URL): a form-encoded
 * POST to /2010-04-01/Accounts/{sid}/Messages.json with basic auth. The text is one render of the
 * templates cut to SMS_MAX_SEGMENTS. The auth token goes into the Authorization header only.
 */
@NotificationChannel('sms')
export class SmsChannel implements NotificationChannelAdapter {
  readonly channel = 'sms' as const;

  constructor(
    private readonly config: AppConfig,
    @Inject(NOTIFICATION_RENDERER) private readonly renderer: NotificationRenderer,
  ) {}

  validateTarget(target: string): string | null {
    return E164.test(target) ? null : 'target must be a phone number in E.164 form, like +34600111222';
  }

  async send(notification: OutgoingNotification): Promise<DeliveryOutcome> {
    const sid = this.config.get('SMS_ACCOUNT_SID');
    const token = this.config.get('SMS_AUTH_TOKEN');
    const from = this.config.get('SMS_FROM');
    const service = this.config.get('SMS_MESSAGING_SERVICE_SID');
    if (!sid || !token || (!from && !service)) return NOT_CONFIGURED;
    const { event, digest, subscription } = notification;
    let message: RenderedMessage;
    try {
      message = await this.renderer.render('sms', subscription.locale, digest?.length ? digest : [event]);
    } catch (error) {
      return renderFailure(error);
    }
    const form = new URLSearchParams({
      To: subscription.target,
      Body: fitSms(message.text || message.subject, this.maxSegments).text,
    });
    if (service) form.set('MessagingServiceSid', service);
    else form.set('From', from!);
    const base = this.config.get('SMS_BASE_URL').replace(/\/+$/, '');
    try {
      const answer = await request(`${base}/2010-04-01/Accounts/${encodeURIComponent(sid)}/Messages.json`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${sid}:${token}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: form.toString(),
        signal: notification.signal,
        headersTimeout: notification.timeout_ms,
        bodyTimeout: notification.timeout_ms,
        // undici 7 follows no redirect unless told to (a redirect interceptor): a 3xx is a failure.
      });
      const body = await readJson(answer.body);
      return twilioOutcome(answer.statusCode, body, answer.headers['retry-after']);
    } catch (error) {
      if (notification.signal.aborted)
        return { ok: false, error: `SMS gateway timed out after ${notification.timeout_ms} ms` };
      const code = (error as { code?: string }).code;
      return { ok: false, error: `SMS gateway unreachable${code ? ` (${code})` : ''}` };
    }
  }

  private get maxSegments(): number {
    return this.config.get('SMS_MAX_SEGMENTS');
  }
}

/** The answer's JSON (Twilio's error object, or the message), bounded; anything else is no body. */
async function readJson(body: { text(): Promise<string> } & AsyncIterable<Buffer>): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > MAX_ANSWER_BYTES) break;
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return null;
  }
}
