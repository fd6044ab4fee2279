import { INSTANCE_ID_HEADER } from '../../src/app.factory.js';
import { http, type HttpResult } from './test-app.js';

export type Claimed = {
  robot_id: string;
  execute_id: string;
  lease_token: string;
  input_data: Record<string, unknown>;
};

/** JSON calls against one base URL (nginx or an instance), with the test admin key unless told. */
export function clientOf(base: string, key?: string) {
  const send = <T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<HttpResult<T>> =>
    http<T>(`${base}${path}`, {
      method,
      key,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return {
    send,
    registerModule: (name: string, types: string[], extra: Record<string, unknown> = {}) =>
      send('POST', '/api/v1/modules', {
        module_name: name,
        module_version: '1.0.0',
        supported_robot_types: types,
        max_concurrent_robots: 1000,
        ...extra,
      }),
    createRobot: (body: Record<string, unknown>) =>
      send<{ robot_id: string; status: string; module_name: string | null }>('POST', '/api/v1/robots', body),
    getRobot: (id: string) =>
      send<{ robot_id: string; status: string; retry_count: number }>('GET', `/api/v1/robots/${id}`),
    claim: (module: string, body: Record<string, unknown> = {}) =>
      send<Claimed[]>('POST', `/api/v1/modules/${module}/claims`, body),
    progress: (executeId: string, body: Record<string, unknown>) =>
      send('POST', `/api/v1/executions/${executeId}/progress`, body),
    complete: (executeId: string, body: Record<string, unknown>) =>
      send<{ status: string }>('POST', `/api/v1/executions/${executeId}/complete`, body),
  };
}

/** The instance that answered (the app's X-Instance-Id header). */
export const answeredBy = (res: { headers: Headers }): string => res.headers.get(INSTANCE_ID_HEADER) ?? '';
