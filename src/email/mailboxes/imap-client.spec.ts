import { describe, expect, it } from '@jest/globals';
import { uidSet, WatchdogTimeout, withDeadline } from './imap-client.js';
import { Wakeup } from './wakeup.js';

describe('IMAP client helpers', () => {
  it('writes sorted UIDs as ranges', () => {
    expect(uidSet([1, 2, 3, 7, 9, 10])).toBe('1:3,7,9:10');
    expect(uidSet([42])).toBe('42');
    expect(uidSet([])).toBe('');
  });

  it('fails a command that outlives its deadline with the watchdog code', async () => {
    const never = new Promise<void>(() => undefined);
    await expect(withDeadline(never, 20, 'NOOP')).rejects.toBeInstanceOf(WatchdogTimeout);
    await expect(withDeadline(never, 20, 'NOOP')).rejects.toMatchObject({ code: 'WATCHDOG' });
    expect(await withDeadline(Promise.resolve(7), 1_000, 'NOOP')).toBe(7);
  });
});

describe('wakeup', () => {
  it('ends a wait at its time, or at a fire once the condition holds', async () => {
    const wakeup = new Wakeup();
    let wanted = false;
    const started = performance.now();
    const waiting = wakeup.wait(5_000, () => wanted);
    wakeup.fire(); // the condition does not hold yet: no effect
    wanted = true;
    setTimeout(() => wakeup.fire(), 20);
    await waiting;
    expect(performance.now() - started).toBeLessThan(1_000);
    const timed = performance.now();
    await new Wakeup().wait(30, () => false);
    expect(performance.now() - timed).toBeGreaterThanOrEqual(25);
  });
});
