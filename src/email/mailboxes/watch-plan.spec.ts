import { describe, expect, it } from '@jest/globals';
import type { MailboxRow } from './mailboxes.repository.js';
import { planWatchers, watchFingerprint } from './watch-plan.js';

const row = (id: string, changes: Partial<MailboxRow> = {}): MailboxRow => ({
  mailbox_id: id,
  name: `box-${id}`,
  host: 'imap.example.com',
  port: 993,
  secure: true,
  username: 'bot',
  auth_method: 'password',
  secret_sealed: 'v1.a.b.c',
  folder: 'INBOX',
  after_processing: 'flag',
  move_to: null,
  status: 'ACTIVE',
  health: 'HEALTHY',
  last_error: null,
  last_connected_at: null,
  last_checked_at: null,
  failing_since: null,
  uid_validity: 7,
  last_uid: 0,
  leased_by: 'me',
  lease_until: new Date(),
  created_by: null,
  created_at: new Date(0),
  updated_at: new Date(1_000),
  ...changes,
});

const running = (...rows: MailboxRow[]) => new Map(rows.map((r) => [r.mailbox_id, watchFingerprint(r)]));

describe('watch plan', () => {
  it('starts a watcher per newly held mailbox and stops the ones no longer held', () => {
    const plan = planWatchers(running(row('a'), row('b')), [row('b'), row('c')]);
    expect(plan.stop).toEqual(['a']);
    expect(plan.start.map((r) => r.mailbox_id)).toEqual(['c']);
  });

  it('leaves a renewed mailbox alone, whatever its watcher wrote (health, checkpoint, lease)', () => {
    const renewed = row('a', {
      health: 'DEGRADED',
      last_uid: 42,
      uid_validity: 9,
      lease_until: new Date(),
      last_error: 'x',
      last_checked_at: new Date(),
    });
    expect(planWatchers(running(row('a')), [renewed])).toEqual({ start: [], stop: [] });
  });

  it('restarts a watcher whose settings changed (a PATCH: new password, folder or checkpoint reset)', () => {
    for (const changes of [
      { secret_sealed: 'v1.new' },
      { folder: 'Invoices' },
      { after_processing: 'move' as const, move_to: 'Done' },
      { updated_at: new Date(2_000) },
    ]) {
      const plan = planWatchers(running(row('a')), [row('a', changes)]);
      expect(plan.stop).toEqual(['a']);
      expect(plan.start.map((r) => r.mailbox_id)).toEqual(['a']);
    }
  });

  it('stops everything when nothing is held', () => {
    expect(planWatchers(running(row('a'), row('b')), [])).toEqual({ start: [], stop: ['a', 'b'] });
  });
});
