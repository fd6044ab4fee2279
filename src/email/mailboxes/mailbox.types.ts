/** The values of email_mailboxes' enumerated columns. */
export const AUTH_METHODS = ['password', 'oauth2'] as const;
export type AuthMethod = (typeof AUTH_METHODS)[number];

export const AFTER_PROCESSING = ['flag', 'move', 'none'] as const;
export type AfterProcessing = (typeof AFTER_PROCESSING)[number];

export const MAILBOX_STATUSES = ['ACTIVE', 'PAUSED'] as const;
export type MailboxStatus = (typeof MAILBOX_STATUSES)[number];

/** UNKNOWN until a watcher first connects. */
export const MAILBOX_HEALTH = ['UNKNOWN', 'HEALTHY', 'DEGRADED', 'UNHEALTHY'] as const;
export type MailboxHealth = (typeof MAILBOX_HEALTH)[number];
