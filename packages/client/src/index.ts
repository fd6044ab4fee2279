export { BotfleetClient } from './client.js';
export type {
  ClaimedRobot,
  ClientOptions,
  CreateRobot,
  ErrorCategory,
  Execution,
  ModuleInfo,
  RegisterModule,
  Robot,
  Schemas,
  StepCategory,
} from './client.js';
export { ApiError, ConnectionError, type ProblemDetails } from './errors.js';
export { Http, type HttpOptions, type Method, type PathWith, type RequestOptions, type Success } from './http.js';
export {
  LeaseLostError,
  PermanentError,
  RetryableError,
  Worker,
  type RobotContext,
  type WorkerHandler,
  type StopOptions,
  type WorkerOptions,
} from './worker.js';
export type { paths, components } from './generated/openapi.js';
