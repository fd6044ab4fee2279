/** Types of nginx.mjs, for the TypeScript test harness that shares it. */
export declare function renderNginxSite(upstreams: string[], listenPort: number): string;
export declare function waitForPort(port: number, timeoutMs: number): Promise<void>;
export declare class Nginx {
  constructor(prefix: string, port: number);
  readonly prefix: string;
  readonly port: number;
  get url(): string;
  get pid(): number | undefined;
  get errorLog(): string;
  start(upstreams: string[]): Promise<void>;
  stop(): Promise<void>;
}
