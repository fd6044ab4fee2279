/**
 * What a module author uses, and all of it: in-process handlers (the decorator, the context they
 * get, the failure they throw, the categories), robot intake for layers that create robots, and
 * the event consumer API with the event catalogue for layers that react to what happens.
 * Email, OCR and Notification import this, never the Orchestrator; it depends on src/core only.
 */
export { CreateRobotCommand, type CreateRobotInput, ROBOT_DEFAULTS, ROBOT_LIMITS } from './create-robot.command.js';
export { ErrorCategory, Priority, StepCategory } from './enums.js';
export {
  type RobotContext,
  RobotFailure,
  type RobotHandler,
  RobotHandlerFor,
  type RobotHandlerOptions,
} from './robot-handler.decorator.js';
export {
  type IntakeRobot,
  type IntakeWarning,
  ROBOT_INTAKE,
  type RobotIntake,
  type WrittenAlongside,
} from './robot-intake.js';
export {
  type PreparedRobotNotify,
  ROBOT_NOTIFICATIONS,
  ROBOT_NOTIFY_LIMIT,
  type RobotNotifications,
  type RobotNotifyAnswer,
  type RobotNotifyTarget,
  type Transactional,
} from './robot-notify.js';
export {
  type DeliveredEvent,
  EventConsumer,
  type EventConsumerOptions,
  type EventHandler,
} from '../core/events/event-consumer.js';
export { EVENT_CATALOGUE, type EventPayloads, EventType } from '../core/events/event-catalogue.js';
