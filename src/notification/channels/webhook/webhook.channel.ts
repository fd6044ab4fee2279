import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Webhook } from 'standardwebhooks';
import { type Agent, request } from 'undici';
import { AppConfig } from '../../../core/config/app-config.service.js';
import {
  type DeliveryOutcome,
  NotificationChannel,
  type NotificationChannelAdapter,
  type OutgoingNotification,
} from '../notification-channel.js';
import { parseRetryAfter } from './retry-after.js';
import { blockedTargetOf, literalAddressProblem, type TargetPolicy, webhookAgent } from './webhook-agent.js';

/** What is read of an answer before the connection is let go: enough for nothing, as receivers' bodies mean nothing. */
const MAX_ANSWER_BYTES = 4_096;
const MAX_URL_LENGTH = 2_048;
const CONNECT_TIMEOUT_MS = 10_000;

/** `scheme://host[:port]`: what a log line or an error may name of a target (never its path or query). */
export function originOf(target: string): string {
  try {
    return new URL(target).origin;
  } catch {
    return 'invalid URL';
  }
}

/**
 * Webhooks per Standard Webhooks v1: a JSON POST of `{type, timestamp, data}` with `webhook-id`
 * (the delivery id, the same on every retry), `webhook-timestamp` and `webhook-signature` (one
 * `v1,<base64 HMAC-SHA256 of id.timestamp.body>` per secret: both during a rotation). Connections
 * are refused to internal addresses at connect time (see webhookAgent); redirects are not followed.
 */
@NotificationChannel('webhook')
export class WebhookChannel implements NotificationChannelAdapter, OnApplicationShutdown {
  readonly channel = 'webhook' as const;
  private readonly logger = new Logger(WebhookChannel.name);
  private readonly policy: TargetPolicy;
  private readonly agent: Agent;

  constructor(config: AppConfig) {
    this.policy = {
      allowPrivateNetworks: config.get('NOTIFY_WEBHOOK_ALLOW_PRIVATE_NETWORKS'),
      allowedHosts: new Set(
        config
          .get('NOTIFY_WEBHOOK_ALLOWED_HOSTS')
          .split(',')
          .map((host) => host.trim().toLowerCase())
          .filter(Boolean),
      ),
    };
    this.agent = webhookAgent(this.policy, config.get('NOTIFY_ENDPOINT_CONCURRENCY'), CONNECT_TIMEOUT_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.agent.close().catch(() => undefined);
  }

  validateTarget(target: string): string | null {
    if (target.length > MAX_URL_LENGTH) return `a webhook URL has at most ${MAX_URL_LENGTH} characters`;
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      return 'a webhook target is an absolute http:// or https:// URL';
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'a webhook URL uses http:// or https://';
    if (url.username || url.password) return 'a webhook URL carries no user name or password';
    if (url.hash) return 'a webhook URL has no #fragment';
    const host = url.hostname.toLowerCase();
    const literal = literalAddressProblem(host, this.policy);
    if (literal) return literal.replace(/^refused by policy: /, 'refused: ');
    if (!this.policy.allowPrivateNetworks && !this.policy.allowedHosts.has(host)) {
      if (host === 'localhost' || host.endsWith('.localhost')) return 'refused: localhost is a loopback address';
    }
    return null;
  }

  async send(notification: OutgoingNotification): Promise<DeliveryOutcome> {
    const secrets = notification.subscription.secrets ?? [];
    if (secrets.length === 0)
      return { ok: false, error: 'no signing secret could be read (is SECRETS_KEY the one it was stored with?)' };
    const body = JSON.stringify({
      type: notification.event.type,
      timestamp: notification.event.timestamp.toISOString(),
      data: notification.event.data,
    });
    const id = notification.delivery_id;
    const now = new Date();
    const signature = secrets.map((secret) => new Webhook(secret).sign(id, now, body)).join(' ');
    const timeout = AbortSignal.timeout(notification.timeout_ms);
    try {
      const answer = await request(notification.subscription.target, {
        method: 'POST',
        dispatcher: this.agent,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'botfleet-webhooks/1',
          'webhook-id': id,
          'webhook-timestamp': String(Math.floor(now.getTime() / 1_000)),
          'webhook-signature': signature,
        },
        body,
        signal: AbortSignal.any([notification.signal, timeout]),
        headersTimeout: notification.timeout_ms,
        bodyTimeout: notification.timeout_ms,
      });
      await discard(answer.body);
      return outcomeOf(answer.statusCode, answer.headers['retry-after']);
    } catch (error) {
      const blocked = blockedTargetOf(error);
      if (blocked) return { ok: false, permanent: true, error: blocked.message };
      if (timeout.aborted) return { ok: false, error: `no answer within ${notification.timeout_ms} ms` };
      if (notification.signal.aborted) return { ok: false, error: 'cut short: the instance is shutting down' };
      const reason = describe(error);
      this.logger.debug(`webhook to ${originOf(notification.subscription.target)} failed: ${reason}`);
      return { ok: false, error: reason };
    }
  }
}

function outcomeOf(status: number, retryAfter: string | string[] | undefined): DeliveryOutcome {
  if (status >= 200 && status < 300) return { ok: true, status };
  if (status === 410)
    return { ok: false, status, error: 'HTTP 410 Gone: the receiver asked to stop', disableSubscription: true };
  if (status >= 300 && status < 400) return { ok: false, status, error: `HTTP ${status}: redirects are not followed` };
  if (status === 429 || status === 503) {
    const retryAfterMs = parseRetryAfter(retryAfter);
    return { ok: false, status, error: `HTTP ${status}`, ...(retryAfterMs !== undefined && { retryAfterMs }) };
  }
  return { ok: false, status, error: `HTTP ${status}` };
}

/** Reads up to MAX_ANSWER_BYTES and lets the rest go (closing the connection rather than reading a huge answer). */
async function discard(body: AsyncIterable<Buffer> & { destroy(): void }): Promise<void> {
  let read = 0;
  for await (const chunk of body) {
    read += chunk.length;
    if (read > MAX_ANSWER_BYTES) {
      body.destroy();
      return;
    }
  }
}

/** A short reason without the target's path or query (they may hold tokens). */
function describe(error: unknown): string {
  const { code, name } = error as { code?: string; name?: string };
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return 'connection timed out';
  if (code === 'UND_ERR_SOCKET') return 'the receiver closed the connection';
  if (typeof code === 'string') return `connection failed: ${code}`;
  return `request failed: ${name ?? 'Error'}`;
}
