import { describe, expect, it, jest } from '@jest/globals';
import type { AppConfig } from '../../core/config/app-config.service.js';
import type { Principal } from '../../security/principal.js';
import type { InboxRepository } from './inbox.repository.js';
import { InboxService } from './inbox.service.js';

/** The inbox reads NOTIFY_ADMIN_AUDIENCE when a call names no audience, as the built-in subscriptions write it. */
describe('InboxService default audience', () => {
  const repository = {
    page: jest.fn(async (_query: { audience: string }) => []),
    unreadCount: jest.fn(async (_audience: string) => 2),
  };
  const config = { get: (key: string) => (key === 'NOTIFY_ADMIN_AUDIENCE' ? 'ops-team' : undefined) };
  const service = new InboxService(repository as unknown as InboxRepository, config as unknown as AppConfig);

  it('lists and counts NOTIFY_ADMIN_AUDIENCE, and says so in the page', async () => {
    const page = await service.list(undefined, {});
    expect(page).toMatchObject({ audience: 'ops-team', unread_count: 2, items: [] });
    expect(repository.page).toHaveBeenCalledWith(expect.objectContaining({ audience: 'ops-team' }));
    expect(await service.unreadCount(undefined)).toEqual({ audience: 'ops-team', unread_count: 2 });
    expect(repository.unreadCount).toHaveBeenLastCalledWith('ops-team');
  });

  it('a named audience wins; a module-bound key may not fall back to the admins', async () => {
    expect((await service.list(undefined, { audience: 'billing' })).audience).toBe('billing');
    const worker = { moduleName: 'OcrModule' } as Principal;
    await expect(service.list(worker, {})).rejects.toThrow();
    expect((await service.list(worker, { audience: 'module:OcrModule' })).audience).toBe('module:OcrModule');
  });
});
