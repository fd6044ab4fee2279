import { describe, expect, it } from '@jest/globals';
import { EventType } from '../../core/events/event-catalogue.js';
import { wants } from './notification-fanout.consumer.js';

const sub = (event_types: string[], filter = {}) => ({ subscription_id: 's', event_types, filter });

describe('which subscriptions want an event (in memory)', () => {
  it('matches names, families and *, robot.progress only by name', () => {
    const completed = { event_type: EventType.RobotCompleted, module_name: 'M' };
    const progress = { event_type: EventType.RobotProgress, module_name: 'M' };
    expect(wants(sub(['robot.completed']), completed)).toBe(true);
    expect(wants(sub(['robot.*']), completed)).toBe(true);
    expect(wants(sub(['*']), completed)).toBe(true);
    expect(wants(sub(['alert.*']), completed)).toBe(false);
    expect(wants(sub(['*']), progress)).toBe(false);
    expect(wants(sub(['robot.*']), progress)).toBe(false);
    expect(wants(sub(['robot.progress']), progress)).toBe(true);
  });

  it('judges the module filter on the event; robot facts are left to SQL', () => {
    const event = { event_type: 'robot.failed', module_name: 'LegalModule' } as never;
    expect(wants(sub(['*'], { module_name: 'LegalModule' }), event)).toBe(true);
    expect(wants(sub(['*'], { module_name: 'Other' }), event)).toBe(false);
    expect(wants(sub(['*'], { robot_type: 'anything' }), event)).toBe(true);
  });
});
