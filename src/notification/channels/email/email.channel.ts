import { Inject } from '@nestjs/common';
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
import { emailAddressProblem } from './email-address.js';
import { SmtpMailer } from './smtp-mailer.service.js';
import { smtpFailure } from './smtp-outcome.js';

const NOT_CONFIGURED: DeliveryOutcome = { ok: false, error: 'SMTP not configured: set SMTP_URL' };

/**
 * Email through the pooled SMTP relay: the HTML and text parts of one render of the templates
 * (a digest when the delivery groups several events). The Message-ID is the delivery's, so a
 * retry that reaches the mailbox twice is one message to mail clients that dedupe on it.
 */
@NotificationChannel('email')
export class EmailChannel implements NotificationChannelAdapter {
  readonly channel = 'email' as const;

  constructor(
    private readonly mailer: SmtpMailer,
    @Inject(NOTIFICATION_RENDERER) private readonly renderer: NotificationRenderer,
  ) {}

  validateTarget(target: string): string | null {
    return emailAddressProblem(target);
  }

  async send(notification: OutgoingNotification): Promise<DeliveryOutcome> {
    // Not permanent: deliveries wait on their retry schedule and go out once SMTP_URL is set.
    if (!this.mailer.configured) return NOT_CONFIGURED;
    const { event, digest, subscription, delivery_id } = notification;
    const events = digest && digest.length > 0 ? digest : [event];
    let message: RenderedMessage;
    try {
      message = await this.renderer.render('email', subscription.locale, events);
    } catch (error) {
      return renderFailure(error);
    }
    const sending = this.mailer.sendMail({
      to: subscription.target,
      subject: message.subject,
      text: message.text,
      html: message.html,
      messageId: `<${delivery_id}@botfleet>`,
      headers: { 'X-Botfleet-Delivery': delivery_id, 'X-Botfleet-Event': events.length > 1 ? 'digest' : event.type },
    });
    try {
      const info = (await abortable(sending, notification)) as { rejected?: unknown[] };
      if (info.rejected && info.rejected.length > 0) {
        return { ok: false, error: 'SMTP relay rejected the recipient', permanent: true };
      }
      return { ok: true };
    } catch (error) {
      if (error instanceof TimedOut)
        return { ok: false, error: `SMTP send timed out after ${notification.timeout_ms} ms` };
      return smtpFailure(error, this.mailer.url);
    }
  }
}

class TimedOut extends Error {}

/** The send, or a TimedOut once the dispatcher's signal aborts (the relay may still deliver it: at least once). */
function abortable<T>(work: Promise<T>, notification: OutgoingNotification): Promise<T> {
  const { signal } = notification;
  work.catch(() => undefined);
  if (signal.aborted) return Promise.reject(new TimedOut());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new TimedOut());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
