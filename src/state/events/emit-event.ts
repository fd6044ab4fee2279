import type { EntityManager } from 'typeorm';
import { EVENT_CATALOGUE, type EventPayloads, type EventType } from '../../core/events/event-catalogue.js';

/**
 * Writes one event to the outbox inside the caller's transaction, so it commits or rolls back
 * with the change it reports. Statements that change many rows write their events in the same
 * statement instead (`INSERT INTO events ... SELECT ${eventSql(type)}, ...`).
 */
export async function emitEvent<T extends EventType>(
  tx: Pick<EntityManager, 'query'>,
  type: T,
  subject: { robot_id: string | null; module_name: string | null },
  payload: EventPayloads[T],
): Promise<void> {
  await tx.query(
    `INSERT INTO events (event_type, event_version, robot_id, module_name, payload) VALUES ($1, $2, $3, $4, $5)`,
    [type, EVENT_CATALOGUE[type].version, subject.robot_id, subject.module_name, payload],
  );
}
