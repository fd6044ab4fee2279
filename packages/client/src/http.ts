import type { paths } from './generated/openapi.js';
import { ApiError, ConnectionError, type ProblemDetails } from './errors.js';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type Path = keyof paths;
/** The paths that answer this method. */
export type PathWith<M extends Method> = { [P in Path]: paths[P][M] extends undefined | never ? never : P }[Path];
type Operation<P extends Path, M extends Method> = NonNullable<paths[P][M]>;

type PathParams<O> = O extends { parameters: { path: infer T } }
  ? T extends Record<string, unknown>
    ? T
    : never
  : never;
type QueryParams<O> = O extends { parameters: { query?: infer T } } ? T : never;
type JsonBody<O> = O extends { requestBody?: infer R }
  ? [NonNullable<R>] extends [never]
    ? never
    : NonNullable<R> extends { content: { 'application/json': infer T } }
      ? T
      : never
  : never;
type Answers<O> = O extends { responses: infer R } ? R : never;
/** The JSON body of the operation's 2xx answers (void for 204). */
export type Success<P extends Path, M extends Method> = {
  [S in keyof Answers<Operation<P, M>>]: S extends 200 | 201 | 202
    ? Answers<Operation<P, M>>[S] extends { content: { 'application/json': infer T } }
      ? T
      : unknown
    : S extends 204
      ? void
      : never;
}[keyof Answers<Operation<P, M>>];

type Optional<K extends string, T> = [T] extends [never] ? { [_ in K]?: never } : { [_ in K]: T };
export type RequestOptions<P extends Path, M extends Method> = Optional<'params', PathParams<Operation<P, M>>> &
  Optional<'body', JsonBody<Operation<P, M>>> & {
    query?: QueryParams<Operation<P, M>>;
    headers?: Record<string, string>;
    signal?: AbortSignal;
  };

export interface HttpOptions {
  /** The server, e.g. http://localhost:3000 (no /api/v1). */
  baseUrl: string;
  apiKey?: string;
  /** Per request, unless the call passes its own signal. Default 30 s (a long poll adds its wait). */
  timeoutMs?: number;
  userAgent?: string;
}

/** An answer the typed layer does not parse as JSON (a raw body, a stream of lines). */
export interface RawRequest {
  method: Uppercase<Method>;
  path: string;
  body?: RequestInit['body'];
  contentType?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/**
 * fetch, typed by the server's OpenAPI document: the path, its parameters, the body and the answer
 * are checked at compile time; a non-2xx answer throws ApiError with the problem details, no
 * answer at all throws ConnectionError.
 */
export class Http {
  readonly baseUrl: string;
  private readonly timeoutMs: number;

  constructor(private readonly options: HttpOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  async request<M extends Method, P extends PathWith<M>>(
    method: M,
    path: P,
    options: RequestOptions<P, M>,
  ): Promise<Success<P, M>> {
    const { params, body, query, headers, signal } = options as {
      params?: Record<string, string | number>;
      body?: unknown;
      query?: Record<string, unknown>;
      headers?: Record<string, string>;
      signal?: AbortSignal;
    };
    const url = this.url(fillPath(path, params), query);
    const response = await this.send(url, method.toUpperCase(), path, {
      body: body === undefined ? undefined : JSON.stringify(body),
      contentType: body === undefined ? undefined : 'application/json',
      headers,
      signal,
    });
    if (response.status === 204) return undefined as Success<P, M>;
    return (await response.json()) as Success<P, M>;
  }

  /** A request whose answer the caller reads itself (checked for a 2xx first). */
  async raw(request: RawRequest): Promise<Response> {
    return this.send(this.url(request.path), request.method, request.path, request);
  }

  private url(path: string, query?: Record<string, unknown>): string {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value === undefined || value === null) continue;
      for (const item of Array.isArray(value) ? value : [value]) search.append(key, String(item));
    }
    const qs = search.toString();
    return `${this.baseUrl}${path}${qs ? `?${qs}` : ''}`;
  }

  private async send(
    url: string,
    method: string,
    path: string,
    init: { body?: RequestInit['body']; contentType?: string; headers?: Record<string, string>; signal?: AbortSignal },
  ): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
    if (init.contentType) headers['content-type'] = init.contentType;
    if (this.options.apiKey) headers['x-api-key'] = this.options.apiKey;
    if (this.options.userAgent) headers['user-agent'] = this.options.userAgent;
    Object.assign(headers, init.headers);
    const signal = init.signal ?? AbortSignal.timeout(this.timeoutMs);
    let response: Response;
    try {
      response = await fetch(url, { method, headers, body: init.body, signal, duplex: 'half' } as RequestInit);
    } catch (error) {
      if (signal.aborted && init.signal) throw signal.reason ?? error;
      throw new ConnectionError(this.baseUrl, describeFetchFailure(error, signal));
    }
    if (response.ok) return response;
    throw new ApiError(response.status, await problemOf(response), method, path);
  }
}

function fillPath(path: string, params: Record<string, string | number> | undefined): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new TypeError(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
}

async function problemOf(response: Response): Promise<Partial<ProblemDetails> | null> {
  const text = await response.text().catch(() => '');
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Partial<ProblemDetails>) : null;
  } catch {
    return text ? { detail: text.split('\n')[0].slice(0, 200) } : null;
  }
}

/** undici's "fetch failed" hides the reason in `cause` (ECONNREFUSED, ENOTFOUND, ...). */
function describeFetchFailure(error: unknown, signal: AbortSignal): string {
  if (signal.aborted) return 'no answer within the request timeout';
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  if (cause?.code === 'ECONNREFUSED') return 'connection refused (is the server running?)';
  if (cause?.code === 'ENOTFOUND') return 'unknown host';
  if (cause?.code) return `${cause.code}${cause.message ? ` (${cause.message})` : ''}`;
  if (cause?.message) return cause.message;
  return error instanceof Error ? error.message : String(error);
}
