import type { ImapFlow } from 'imapflow';
import type { Guard } from './imap-client.js';
import type { MailboxRow } from './mailboxes.repository.js';

/**
 * What happens to a message in the mailbox once it was ingested: flagged \Seen, moved to
 * move_to (created when the server says TRYCREATE), or left alone. Runs only after the ingest
 * committed; a failure leaves the message where it was, past the checkpoint (never ingested
 * again), and `interruptedActions` finds it at the next connect.
 */
export async function afterProcessing(
  client: ImapFlow,
  guard: Guard,
  row: Pick<MailboxRow, 'after_processing' | 'move_to'>,
  uids: string,
): Promise<void> {
  const { after_processing: action, move_to: target } = row;
  if (action === 'flag') {
    await guard(client.messageFlagsAdd(uids, ['\\Seen'], { uid: true }), 'UID STORE');
  } else if (action === 'move' && target) {
    let moved = await guard(client.messageMove(uids, target, { uid: true }), 'UID MOVE');
    if (!moved && client.usable) {
      // The usual refusal is [TRYCREATE]: the folder does not exist yet.
      await guard(client.mailboxCreate(target), 'CREATE').catch(() => undefined);
      moved = await guard(client.messageMove(uids, target, { uid: true }), 'UID MOVE');
    }
    if (!moved) throw new Error(`UID MOVE to ${target} was refused`);
  }
}

/**
 * The UIDs at or below the checkpoint that still want their after-processing: still in the folder
 * (move), or not \Seen (flag). A session that died between an ingest and its action leaves them;
 * a person marking a processed message unread makes one too (it is flagged again).
 */
export async function interruptedActions(
  client: ImapFlow,
  guard: Guard,
  action: MailboxRow['after_processing'],
  lastUid: number,
): Promise<number[]> {
  if (action === 'none' || lastUid === 0) return [];
  const query = action === 'flag' ? { uid: `1:${lastUid}`, seen: false } : { uid: `1:${lastUid}` };
  const found = await guard(client.search(query, { uid: true }), 'UID SEARCH');
  if (!found) throw new Error('UID SEARCH was refused');
  return found.filter((uid) => uid <= lastUid).sort((a, b) => a - b);
}
