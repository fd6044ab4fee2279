import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import { Agent, buildConnector } from 'undici';
import { blockedReason } from './address-policy.js';

export interface TargetPolicy {
  allowPrivateNetworks: boolean;
  /** Lower-case host names that may resolve anywhere. */
  allowedHosts: ReadonlySet<string>;
}

/** A target refused by the SSRF policy: no retry can succeed, the delivery goes DEAD. */
export class BlockedTargetError extends Error {
  readonly code = 'ERR_WEBHOOK_TARGET_BLOCKED';

  constructor(host: string, address: string, reason: string) {
    super(`refused by policy: ${host} resolves to ${address}, ${reason} (NOTIFY_WEBHOOK_ALLOW_PRIVATE_NETWORKS)`);
    this.name = 'BlockedTargetError';
  }
}

const bare = (host: string) => host.replace(/^\[|\]$/g, '').toLowerCase();

export function isHostAllowed(host: string, policy: TargetPolicy): boolean {
  return policy.allowPrivateNetworks || policy.allowedHosts.has(bare(host));
}

/** The policy's verdict on a literal IP host (null: fine, or not a literal). */
export function literalAddressProblem(host: string, policy: TargetPolicy): string | null {
  const address = bare(host);
  if (isIP(address) === 0 || isHostAllowed(address, policy)) return null;
  const reason = blockedReason(address);
  return reason ? new BlockedTargetError(address, address, reason).message : null;
}

/**
 * A DNS lookup that resolves every address of the host and refuses the connection when any of them
 * is blocked; the socket then connects to exactly the addresses checked here, so a name that
 * answers a public address to a validator and a private one to the connection (DNS rebinding)
 * never gets through.
 */
function guardedLookup(policy: TargetPolicy): LookupFunction {
  return (hostname, options, callback) => {
    const all: LookupAllOptions = { ...options, all: true };
    dnsLookup(hostname, all, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      if (!isHostAllowed(hostname, policy)) {
        for (const { address } of addresses) {
          const reason = blockedReason(address);
          if (reason) return callback(new BlockedTargetError(hostname, address, reason), '', 0);
        }
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

/**
 * The HTTP agent of the webhook channel: keep-alive connections per origin (as many as an
 * endpoint may have sends in flight), every connection checked against the policy. A literal IP
 * host never goes through DNS, so the connector checks it itself.
 */
export function webhookAgent(policy: TargetPolicy, connectionsPerOrigin: number, connectTimeoutMs: number): Agent {
  const connector = buildConnector({ timeout: connectTimeoutMs, lookup: guardedLookup(policy) });
  return new Agent({
    connections: connectionsPerOrigin,
    keepAliveTimeout: 4_000,
    connect: (options, callback) => {
      const problem = literalAddressProblem(options.hostname, policy);
      if (problem) {
        const address = bare(options.hostname);
        return callback(new BlockedTargetError(address, address, blockedReason(address) ?? 'blocked'), null);
      }
      return connector(options, callback);
    },
  });
}

export function blockedTargetOf(error: unknown): BlockedTargetError | undefined {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if (cause instanceof BlockedTargetError) return cause;
  }
  return undefined;
}
