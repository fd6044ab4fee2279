/** Robot-scoped notifications asked for at creation: `notify: [{channel, target}]` on a create. */
export const ROBOT_NOTIFY_LIMIT = 5;

export interface RobotNotifyTarget {
  /** `webhook`, `email`, `sms` or `in_app`. */
  channel: string;
  /** As for a subscription of that channel: URL, address, E.164 number or audience. */
  target: string;
}

/** What the creation answer shows of each: a webhook's signing secret is shown there only. */
export interface RobotNotifyAnswer {
  subscription_id: string;
  channel: string;
  target: string;
  secret: string | null;
}

/** A statement runner: the intake's transaction. */
export interface Transactional {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** Checked targets with their secrets generated and sealed, ready to be written with the robot. */
export interface PreparedRobotNotify {
  readonly count: number;
  /** Inserts the robot's subscriptions in the robot's own transaction, so both commit or neither. */
  write(tx: Transactional, robotId: string): Promise<RobotNotifyAnswer[]>;
}

/**
 * Provided (globally) by the Notification layer, which the Orchestrator does not import: a robot
 * created with `notify` gets one subscription per target, scoped to it, hearing robot.completed,
 * robot.failed, robot.cancelled and robot.retrying.
 */
export interface RobotNotifications {
  /** Checks every target as a subscription's (a 400 naming the bad one) before anything is written. */
  prepare(targets: readonly RobotNotifyTarget[]): Promise<PreparedRobotNotify>;
}

export const ROBOT_NOTIFICATIONS = Symbol('RobotNotifications');
