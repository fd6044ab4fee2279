import { type DeliveredEvent, EventConsumer, type EventHandler, EventType } from '../../sdk/index.js';
import { OcrDocumentsRepository } from '../../state/repositories/ocr-documents.repository.js';
import { OcrMetrics } from './ocr-metrics.js';

/**
 * A document whose robot failed for good (retries exhausted) or was cancelled says so: the
 * handler cannot, as it is not running when that is decided. Durable: a crash between the robot's
 * failure and this update only delays it. Idempotent: only an unfinished document changes.
 */
@EventConsumer({ name: 'ocr-documents', events: [EventType.RobotFailed, EventType.RobotCancelled] })
export class OcrRobotEventsConsumer implements EventHandler {
  constructor(
    private readonly documents: OcrDocumentsRepository,
    private readonly metrics: OcrMetrics,
  ) {}

  async handle(event: DeliveredEvent): Promise<void> {
    if (!event.robot_id) return;
    const fallback = event.event_type === EventType.RobotCancelled ? 'The robot was cancelled.' : 'The robot failed.';
    const changed = await this.documents.failForRobot(event.robot_id, fallback);
    if (changed > 0) this.metrics.finished('failed');
  }
}
