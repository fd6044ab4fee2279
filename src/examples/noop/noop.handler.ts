import { type RobotContext, type RobotHandler, RobotHandlerFor } from '../../sdk/index.js';

/**
 * Robot type `noop`: answers `{ ok: true }` at once. It measures what botfleet itself costs per
 * robot (claim, lease, completion, events), and smoke-tests a deployment. Loaded only when
 * EXAMPLE_MODULES names it.
 */
@RobotHandlerFor({ name: 'NoopModule', version: '1.0.0', robotTypes: ['noop'] })
export class NoopHandler implements RobotHandler {
  handle(_context: RobotContext): Promise<Record<string, unknown>> {
    return Promise.resolve({ ok: true });
  }
}
