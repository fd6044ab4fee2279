import { applyDecorators, Injectable, SetMetadata } from '@nestjs/common';
import type { ErrorCategory, StepCategory } from './enums.js';

export const ROBOT_HANDLER = Symbol('ROBOT_HANDLER');

export interface RobotHandlerOptions {
  /** The module name in module_registry (unique). */
  name: string;
  version: string;
  robotTypes: string[];
  /**
   * Robots this handler runs at once in each instance (default 100, DEFAULT_HANDLER_CONCURRENCY:
   * most robots wait on I/O); a CPU-bound handler should use about the cores it may take.
   */
  concurrency?: number;
}

/** What a handler sees of the robot it runs, and how it reports. */
export interface RobotContext {
  robotId: string;
  robotType: string;
  input: Record<string, unknown>;
  /** 1 on the first attempt, 2 on the first retry, and so on (retry_count + 1). */
  attempt: number;
  /** Aborted when the robot is cancelled, its lease is lost, or the app shuts down: stop then. */
  signal: AbortSignal;
  /**
   * Records a step. It does not wait for the database: the report is queued and written with the
   * ones after it (each keeps its own event), and the attempt completes only after every report
   * is written. Awaiting it is harmless. A lost lease aborts `signal`.
   */
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
