import { applyDecorators, Injectable, SetMetadata } from '@nestjs/common';
import type { StepCategory } from '../../state/entities/index.js';
import { ErrorCategory } from '../retry-policy.js';

export const ROBOT_HANDLER = Symbol('ROBOT_HANDLER');

export interface RobotHandlerOptions {
  /** The module name in module_registry (unique). */
  name: string;
  version: string;
  robotTypes: string[];
  /** Robots this handler runs at once in each instance. */
  concurrency?: number;
}

/** What a handler sees of the robot it runs, and how it reports. */
export interface RobotContext {
  robotId: string;
  robotType: string;
  input: Record<string, unknown>;
  attempt: number;
  /** Aborted when the robot is cancelled, its lease is lost, or the app shuts down: stop then. */
  signal: AbortSignal;
  progress(report: {
    step?: string;
    category?: StepCategory;
    percentage?: number;
    completedSteps?: number;
    totalSteps?: number;
    details?: Record<string, unknown>;
  }): Promise<void>;
}

export interface RobotHandler {
  /** Returns the robot's output_data; throwing fails the attempt (see RobotFailure). */
  handle(context: RobotContext): Promise<Record<string, unknown>>;
}

/** Thrown by a handler to fail with a category: VALIDATION is final, the others are retried. */
export class RobotFailure extends Error {
  constructor(
    readonly category: ErrorCategory,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'RobotFailure';
  }
}

/**
 * Marks a provider as an in-process robot handler: botfleet registers it as a module at boot,
 * claims robots of its types and runs them through `handle`.
 */
export const RobotHandlerFor = (options: RobotHandlerOptions) =>
  applyDecorators(Injectable(), SetMetadata(ROBOT_HANDLER, options));
