/**
 * How the fan-out tells the dispatcher that deliveries were written: in this process with an
 * EventEmitter2 event (after commit), and across instances with PostgreSQL NOTIFY on a channel.
 * Without either, the dispatcher finds them within NOTIFY_DISPATCH_POLL_MS.
 */
export const DELIVERIES_CREATED = 'notifications.deliveries_created';

/** The LISTEN/NOTIFY channel: a fixed identifier, never input. */
export const DELIVERIES_CHANNEL = 'notification_deliveries';
