import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** What the receiver got: verified with the standardwebhooks library, as a real receiver verifies. */
export interface ReceivedWebhook {
  path: string;
  id: string;
  timestamp: number;
  signatures: string[];
  body: string;
  payload: { type: string; timestamp: string; data: Record<string, unknown> };
  /** Secrets (by index in `secrets`) whose signature verified. */
  verifiedWith: number[];
  at: number;
}

/** How the receiver answers one request: a status with headers, or never (hang). */
export type Answer = { status: number; headers?: Record<string, string>; body?: string; delayMs?: number } | 'hang';

/**
 * A local HTTP receiver of Standard Webhooks. Each path answers from its script (one answer per
 * request, the last repeated), 200 by default. Every request is verified against `secrets`;
 * one that verifies with none is kept in `rejected`.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  readonly rejected: Array<{ path: string; headers: IncomingMessage['headers']; body: string }> = [];
  private readonly scripts = new Map<string, Answer[]>();
  private readonly hanging = new Set<ServerResponse>();
  private server?: Server;
  private readonly open = new Map<string, number>();
  /** The most requests with one webhook-id the receiver ever had open at once. */
  maxConcurrentPerId = 0;
  secrets: string[] = [];

  static async start(secrets: string[]): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver();
    receiver.secrets = secrets;
    await receiver.listen();
    return receiver;
  }

  get port(): number {
    return (this.server!.address() as AddressInfo).port;
  }

  /** `http://<host>:<port><path>`; host 127.0.0.1 unless named (e.g. localhost). */
  url(path: string, host = '127.0.0.1'): string {
    return `http://${host}:${this.port}${path}`;
  }

  script(path: string, ...answers: Answer[]): void {
    this.scripts.set(path, answers);
  }

  at(path: string): ReceivedWebhook[] {
    return this.received.filter((r) => r.path === path);
  }

  async close(): Promise<void> {
    for (const response of this.hanging) response.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((ok) => (this.server ? this.server.close(() => ok()) : ok()));
  }

  private listen(): Promise<void> {
    this.server = createServer((request, response) => void this.handle(request, response));
    return new Promise((ok) => this.server!.listen(0, '127.0.0.1', ok));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const path = new URL(request.url ?? '/', 'http://receiver').pathname;
    const headers = {
      'webhook-id': String(request.headers['webhook-id'] ?? ''),
      'webhook-timestamp': String(request.headers['webhook-timestamp'] ?? ''),
      'webhook-signature': String(request.headers['webhook-signature'] ?? ''),
    };
    const verifiedWith = this.secrets.flatMap((secret, i) => {
      try {
        new Webhook(secret).verify(body, headers);
        return [i];
      } catch {
        return [];
      }
    });
    if (verifiedWith.length === 0 || request.headers['content-type'] !== 'application/json') {
      this.rejected.push({ path, headers: request.headers, body });
    } else {
      this.received.push({
        path,
        id: headers['webhook-id'],
        timestamp: Number(headers['webhook-timestamp']),
        signatures: headers['webhook-signature'].split(' '),
        body,
        payload: JSON.parse(body) as ReceivedWebhook['payload'],
        verifiedWith,
        at: Date.now(),
      });
    }
    const open = (this.open.get(headers['webhook-id']) ?? 0) + 1;
    this.open.set(headers['webhook-id'], open);
    this.maxConcurrentPerId = Math.max(this.maxConcurrentPerId, open);
    response.on('close', () => this.open.set(headers['webhook-id'], (this.open.get(headers['webhook-id']) ?? 1) - 1));
    const script = this.scripts.get(path) ?? [];
    const answer = script.length > 1 ? script.shift()! : (script[0] ?? { status: 200 });
    if (answer === 'hang') {
      this.hanging.add(response);
      response.on('close', () => this.hanging.delete(response));
      return;
    }
    if (answer.delayMs) await new Promise((ok) => setTimeout(ok, answer.delayMs));
    response.writeHead(answer.status, answer.headers ?? {});
    response.end(answer.body ?? '');
  }
}
