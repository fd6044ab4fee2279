import type { components } from './generated/openapi.js';
import { Http, type HttpOptions, type Method, type PathWith, type RequestOptions, type Success } from './http.js';

export type Schemas = components['schemas'];
export type Robot = Schemas['RobotResponseDto'];
export type ClaimedRobot = Schemas['ClaimedRobotDto'];
export type Execution = Schemas['ExecutionResponseDto'];
export type CreateRobot = Schemas['CreateRobotDto'];
export type RegisterModule = Schemas['RegisterModuleDto'];
export type ModuleInfo = Schemas['ModuleResponseDto'];
export type ErrorCategory = Schemas['FailDto']['error_category'];
export type StepCategory = NonNullable<Schemas['ProgressDto']['step_category']>;

export type ClientOptions = HttpOptions;

/**
 * The botfleet REST API. `request` reaches every operation of the OpenAPI document, typed; the
 * named methods are the ones the Worker and the CLI use most.
 */
export class BotfleetClient {
  readonly http: Http;

  constructor(options: ClientOptions) {
    this.http = new Http(options);
  }

  get baseUrl(): string {
    return this.http.baseUrl;
  }

  request<M extends Method, P extends PathWith<M>>(
    method: M,
    path: P,
    options: RequestOptions<P, M>,
  ): Promise<Success<P, M>> {
    return this.http.request(method, path, options);
  }

  registerModule(body: RegisterModule): Promise<ModuleInfo> {
    return this.request('post', '/api/v1/modules', { body });
  }

  createRobot(body: CreateRobot, idempotencyKey?: string): Promise<Robot> {
    const headers = idempotencyKey ? { 'idempotency-key': idempotencyKey } : undefined;
    return this.request('post', '/api/v1/robots', { body, headers });
  }

  getRobot(robotId: string): Promise<Robot> {
    return this.request('get', '/api/v1/robots/{robot_id}', { params: { robot_id: robotId } });
  }

  executions(robotId: string): Promise<Execution[]> {
    return this.request('get', '/api/v1/robots/{robot_id}/executions', { params: { robot_id: robotId } });
  }

  /** Long poll: waits up to waitMs for work; the HTTP timeout is stretched to cover the wait. */
  claim(
    moduleName: string,
    body: Schemas['ClaimRobotsDto'],
    signal = AbortSignal.timeout((body.wait_ms ?? 0) + 30_000),
  ): Promise<ClaimedRobot[]> {
    return this.request('post', '/api/v1/modules/{module_name}/claims', {
      params: { module_name: moduleName },
      body,
      signal,
    });
  }

  progress(executeId: string, body: Schemas['ProgressDto']): Promise<Execution> {
    return this.request('post', '/api/v1/executions/{execute_id}/progress', {
      params: { execute_id: executeId },
      body,
    });
  }

  complete(executeId: string, body: Schemas['CompleteDto']): Promise<Robot> {
    return this.request('post', '/api/v1/executions/{execute_id}/complete', {
      params: { execute_id: executeId },
      body,
    });
  }

  fail(executeId: string, body: Schemas['FailDto']): Promise<Robot> {
    return this.request('post', '/api/v1/executions/{execute_id}/fail', { params: { execute_id: executeId }, body });
  }

  cancelRobot(robotId: string, reason?: string): Promise<Robot> {
    return this.request('post', '/api/v1/robots/{robot_id}/cancel', {
      params: { robot_id: robotId },
      body: reason ? { reason } : {},
    });
  }
}
