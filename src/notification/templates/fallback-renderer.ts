import { Injectable } from '@nestjs/common';
import type {
  ChannelName,
  NotificationEvent,
  NotificationLocale,
  NotificationRenderer,
  RenderedMessage,
} from '../channels/notification-channel.js';

/**
 * Stand-in for the templates part's renderer until it is merged (the lead removes this file and its
 * provider in NotificationInboxModule then): a one-line subject and a plain-text body per event,
 * in English, from the event's type, robot and module.
 */
@Injectable()
export class FallbackRenderer implements NotificationRenderer {
  render(_channel: ChannelName, _locale: NotificationLocale, events: NotificationEvent[]): Promise<RenderedMessage> {
    const [first] = events;
    const subject = events.length > 1 ? `${events.length} notifications: ${first.type} and more` : headline(first);
    return Promise.resolve({ subject, text: events.map(line).join('\n') });
  }
}

function headline(event: NotificationEvent): string {
  return event.robot_id ? `${event.type}: robot ${event.robot_id}` : event.type;
}

function line(event: NotificationEvent): string {
  const where = [event.module_name && `module ${event.module_name}`, event.timestamp.toISOString()].filter(Boolean);
  return `${headline(event)} (${where.join(', ')})`;
}
