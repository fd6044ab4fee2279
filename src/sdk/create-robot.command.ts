import { isISO8601 } from 'class-validator';
import { DomainException } from '../core/errors/domain.exception.js';
import { CoreErrorCode } from '../core/errors/error-catalogue.js';
import { MAX_JSON_DEPTH } from '../core/http/json-depth.js';
import { REFERENCE_PATTERN, ROBOT_TYPE_PATTERN } from '../core/validation/identifiers.js';
import { Priority } from './enums.js';
import { ROBOT_NOTIFY_LIMIT, type RobotNotifyTarget } from './robot-notify.js';

/** What a robot gets when its creator does not say, however it arrives (REST, email, OCR). */
export const ROBOT_DEFAULTS = { priority: Priority.Normal, retryLimit: 3, timeoutSeconds: 1800 } as const;

/** Bounds of a robot's settings; the REST DTO declares the same ones. */
export const ROBOT_LIMITS = {
  maxRetryLimit: 10,
  maxTimeoutSeconds: 86_400,
  correlationIdLength: 100,
  sourceReferenceLength: 200,
  /** Robots one createMany (or POST /robots/bulk) may carry: one transaction, all or none. */
  robotsPerCall: 1_000,
} as const;

/** A robot as its creator describes it: only `robot_type` and `input_data` are required. */
export interface CreateRobotInput {
  robot_type: string;
  /** The work itself: a JSON object. */
  input_data: Record<string, unknown>;
  priority?: Priority;
  /** Groups robots of one batch. */
  correlation_id?: string;
  /** Where the work came from, e.g. `email:msg-1@example.com`. */
  source_reference?: string;
  /** Retries after the first attempt (0-10, default 3). */
  retry_limit?: number;
  /** Per-attempt timeout (1-86400, default 1800). */
  timeout_seconds?: number;
  /** Business deadline as an ISO 8601 date-time, for SLA alerts. */
  deadline?: string;
  /** Up to 5 targets told when this robot completes, fails, is cancelled or retried (see RobotNotifications). */
  notify?: RobotNotifyTarget[];
}

/** True for what JSON can carry (plain objects and arrays, finite numbers), nested at most `maxDepth`. */
function isPlainJson(value: unknown, maxDepth: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node === 'string' || typeof node === 'boolean') continue;
    if (typeof node === 'number') {
      if (!Number.isFinite(node)) return false;
      continue;
    }
    if (typeof node !== 'object' || depth > maxDepth) return false;
    const prototype = Object.getPrototypeOf(node) as unknown;
    if (!Array.isArray(node) && prototype !== Object.prototype && prototype !== null) return false;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return true;
}

const isIntIn = (value: unknown, min: number, max: number) =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= max;

const isReference = (value: unknown, maxLength: number) =>
  typeof value === 'string' && value.length <= maxLength && REFERENCE_PATTERN.test(value);

const isNotifyList = (value: unknown) =>
  Array.isArray(value) &&
  value.length <= ROBOT_NOTIFY_LIMIT &&
  value.every(
    (item: unknown) =>
      typeof item === 'object' &&
      item !== null &&
      typeof (item as RobotNotifyTarget).channel === 'string' &&
      typeof (item as RobotNotifyTarget).target === 'string' &&
      Object.keys(item).every((key) => key === 'channel' || key === 'target'),
  );

/** The rules of CreateRobotDto, for callers that do not come through HTTP; one message per bad field. */
function problems(input: CreateRobotInput): string[] {
  if (typeof input !== 'object' || input === null) return ['a robot must be an object'];
  const errors: string[] = [];
  const given = (value: unknown) => value !== undefined && value !== null;
  if (typeof input.robot_type !== 'string' || !ROBOT_TYPE_PATTERN.test(input.robot_type))
    errors.push('robot_type must be 1-50 lowercase letters, digits, _ . or -');
  if (typeof input.input_data !== 'object' || input.input_data === null || Array.isArray(input.input_data))
    errors.push('input_data must be an object');
  else if (!isPlainJson(input.input_data, MAX_JSON_DEPTH))
    errors.push(`input_data must be plain JSON nested at most ${MAX_JSON_DEPTH} levels`);
  if (given(input.priority) && !Object.values(Priority).includes(input.priority!))
    errors.push(`priority must be one of the following values: ${Object.values(Priority).join(', ')}`);
  if (given(input.correlation_id) && !isReference(input.correlation_id, ROBOT_LIMITS.correlationIdLength))
    errors.push(
      `correlation_id must be at most ${ROBOT_LIMITS.correlationIdLength} letters, digits and . _ : @ / # - only`,
    );
  if (given(input.source_reference) && !isReference(input.source_reference, ROBOT_LIMITS.sourceReferenceLength))
    errors.push(
      `source_reference must be at most ${ROBOT_LIMITS.sourceReferenceLength} letters, digits and . _ : @ / # - only`,
    );
  if (given(input.retry_limit) && !isIntIn(input.retry_limit, 0, ROBOT_LIMITS.maxRetryLimit))
    errors.push(`retry_limit must be an integer from 0 to ${ROBOT_LIMITS.maxRetryLimit}`);
  if (given(input.timeout_seconds) && !isIntIn(input.timeout_seconds, 1, ROBOT_LIMITS.maxTimeoutSeconds))
    errors.push(`timeout_seconds must be an integer from 1 to ${ROBOT_LIMITS.maxTimeoutSeconds}`);
  if (given(input.deadline) && !(typeof input.deadline === 'string' && isISO8601(input.deadline, { strict: true })))
    errors.push('deadline must be an ISO 8601 date-time');
  if (given(input.notify) && !isNotifyList(input.notify))
    errors.push(`notify must be a list of at most ${ROBOT_NOTIFY_LIMIT} {channel, target} objects`);
  return errors;
}

/**
 * A robot to create, validated, with every default applied: what RobotIntake takes, so REST,
 * email and OCR create robots the same way. Only `create` makes one, so holding a command means
 * holding valid data.
 */
export class CreateRobotCommand {
  /** Makes the type nominal: an object literal with the same fields is not a command. */
  declare private readonly validated: true;

  private constructor(
    readonly robot_type: string,
    readonly input_data: Record<string, unknown>,
    readonly priority: Priority,
    readonly correlation_id: string | null,
    readonly source_reference: string | null,
    readonly retry_limit: number,
    readonly timeout_seconds: number,
    readonly deadline: Date | null,
    /** Checked as subscription targets by the Notification layer when the robot is created. */
    readonly notify: readonly RobotNotifyTarget[],
  ) {}

  /** Validates `input` as the REST API does; refuses it with a 400 `VALIDATION_FAILED` listing every bad field. */
  static create(input: CreateRobotInput): CreateRobotCommand {
    const errors = problems(input);
    if (errors.length > 0) {
      throw new DomainException(CoreErrorCode.ValidationFailed, 'The robot is not valid.', { errors });
    }
    return new CreateRobotCommand(
      input.robot_type,
      input.input_data,
      input.priority ?? ROBOT_DEFAULTS.priority,
      input.correlation_id ?? null,
      input.source_reference ?? null,
      input.retry_limit ?? ROBOT_DEFAULTS.retryLimit,
      input.timeout_seconds ?? ROBOT_DEFAULTS.timeoutSeconds,
      input.deadline ? new Date(input.deadline) : null,
      (input.notify ?? []).map(({ channel, target }) => ({ channel, target })),
    );
  }
}
