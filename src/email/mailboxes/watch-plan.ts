import type { MailboxRow } from './mailboxes.repository.js';

/** The settings a running watcher was started with: any change restarts it with the new ones. */
export function watchFingerprint(row: MailboxRow): string {
  return JSON.stringify([
    row.host,
    row.port,
    row.secure,
    row.username,
    row.auth_method,
    row.secret_sealed,
    row.folder,
    row.after_processing,
    row.move_to,
    // Every PATCH moves it (a checkpoint reset too: the running watcher's last_uid is void);
    // the watchers' own writes never do.
    row.updated_at.getTime(),
  ]);
}

export interface WatchPlan {
  start: MailboxRow[];
  /** Running but no longer held (lease lost, paused, deleted), or held with other settings (restarted). */
  stop: string[];
}

/**
 * What the supervisor does after a claim: start a watcher for each held mailbox without one
 * (or whose settings changed), stop each watcher whose mailbox is no longer held.
 */
export function planWatchers(running: ReadonlyMap<string, string>, held: readonly MailboxRow[]): WatchPlan {
  const heldById = new Map(held.map((row) => [row.mailbox_id, row]));
  const stop = [...running.keys()].filter((id) => {
    const row = heldById.get(id);
    return !row || watchFingerprint(row) !== running.get(id);
  });
  const start = held.filter((row) => !running.has(row.mailbox_id) || stop.includes(row.mailbox_id));
  return { start, stop };
}
