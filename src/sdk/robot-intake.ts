import type { CreateRobotCommand } from './create-robot.command.js';
import type { Priority } from './enums.js';
import type { RobotNotifyAnswer, Transactional } from './robot-notify.js';

/**
 * What a layer writes in the robot's own creation transaction (the email it came from, a
 * checkpoint), so the robot and those rows commit together or not at all. It runs only when the
 * robot is created (not for a repeated idempotency key); a throw rolls the robot back and reaches
 * the caller.
 */
export type WrittenAlongside = (tx: Transactional, robotId: string) => Promise<void>;

/** A robot as intake answers it: enough to follow it by id and to log where it went. */
export interface IntakeRobot {
  robot_id: string;
  robot_type: string;
  status: string;
  /** null while the robot waits for a module that handles its type. */
  module_name: string | null;
  priority: Priority;
  correlation_id: string | null;
  source_reference: string | null;
}

/** Something the caller likely did not mean, though the robots were created (e.g. `UNKNOWN_ROBOT_TYPE`). */
export interface IntakeWarning {
  code: string;
  message: string;
  robot_type: string;
}

/**
 * Creates robots without HTTP: routed, stored and announced exactly as `POST /api/v1/robots` does.
 * Inject it with `@Inject(ROBOT_INTAKE)`: the Orchestrator provides it globally, so a layer that
 * may not import the Orchestrator (Email, OCR, Notification) still can.
 */
export interface RobotIntake {
  /**
   * Routes and creates one robot. With an idempotency key (8-255 letters, digits, . _ : or -), a
   * repeat returns the robot the first call created (`created: false`); the same key with
   * different work is refused (422 `IDEMPOTENCY_KEY_REUSED`). A robot type no module has ever
   * declared is queued all the same, with a warning. A command with `notify` gets its robot-scoped
   * subscriptions in the same transaction (`notify` in the answer, secrets shown there only), and
   * `alongside` writes its rows there too.
   */
  create(
    command: CreateRobotCommand,
    idempotencyKey?: string,
    alongside?: WrittenAlongside,
  ): Promise<{ robot: IntakeRobot; created: boolean; warnings: IntakeWarning[]; notify?: RobotNotifyAnswer[] }>;

  /** Creates 1-1,000 robots in one transaction, all or none, answered in order; the key as for `create`. */
  createMany(
    commands: CreateRobotCommand[],
    idempotencyKey?: string,
  ): Promise<{ robots: IntakeRobot[]; created: boolean; warnings: IntakeWarning[] }>;
}

export const ROBOT_INTAKE = Symbol('RobotIntake');
