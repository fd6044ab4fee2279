import { Injectable } from '@nestjs/common';
import { DomainException } from '../../core/errors/domain.exception.js';
import { OutboxRelay } from '../../state/outbox-relay.service.js';
import { OutboxRepository } from '../../state/repositories/outbox.repository.js';
import { ConsumerDto, ParkedEventDto } from './dto/events.dto.js';
import { EventsErrorCode } from './events.errors.js';

/** What operators see and do about event delivery: consumers' progress, parked events, replays. */
@Injectable()
export class EventsAdminService {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly relay: OutboxRelay,
  ) {}

  async consumers(): Promise<ConsumerDto[]> {
    return (await this.outbox.consumers()).map(ConsumerDto.of);
  }

  async parked(consumer: string | undefined, limit: number): Promise<ParkedEventDto[]> {
    return (await this.outbox.parked(consumer, limit)).map(ParkedEventDto.of);
  }

  /** Flags one parked event, or all of a consumer's, for redelivery; the relay is woken for it. */
  async replay(consumer: string, eventId?: number): Promise<number> {
    const flagged = await this.outbox.requestReplay(consumer, eventId === undefined ? undefined : String(eventId));
    if (flagged === 0 && eventId !== undefined) {
      throw new DomainException(
        EventsErrorCode.ParkedEventNotFound,
        `Event ${eventId} is not parked for consumer ${consumer}.`,
      );
    }
    if (flagged === 0 && (await this.outbox.consumers(consumer)).length === 0) {
      throw new DomainException(EventsErrorCode.ConsumerNotFound, `No event consumer ${consumer}.`);
    }
    this.relay.kick();
    return flagged;
  }

  /**
   * Forgets a retired consumer so it no longer holds back retention. One that an instance still
   * runs (a live lease) is refused: it would only start again from now.
   */
  async forget(consumer: string): Promise<void> {
    const [row] = await this.outbox.consumers(consumer);
    if (!row) throw new DomainException(EventsErrorCode.ConsumerNotFound, `No event consumer ${consumer}.`);
    if (row.lease_until && row.lease_until.getTime() > Date.now()) {
      throw new DomainException(
        EventsErrorCode.ConsumerRunning,
        `Event consumer ${consumer} is running on ${row.owner}; remove it from the code first.`,
      );
    }
    await this.outbox.forget(consumer);
  }
}
