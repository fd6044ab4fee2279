import { Logger } from '@nestjs/common';
import { createContext, Script } from 'node:vm';

const EXEC = new Script('pattern.lastIndex = 0; result = pattern.exec(text);');

/**
 * Runs a template's pattern with a time limit: V8 checks for interrupts while it backtracks, so a
 * `vm` timeout stops a runaway match. A pattern that times out finds nothing (the generic rules
 * take the field) and is logged by template, never by the text it ran on.
 */
export class SafeRegexRunner {
  private readonly logger = new Logger(SafeRegexRunner.name);

  constructor(private readonly timeoutMs: number) {}

  exec(pattern: RegExp, text: string, owner: string): RegExpExecArray | null {
    const sandbox = createContext({ pattern, text, result: null });
    try {
      EXEC.runInContext(sandbox, { timeout: this.timeoutMs });
      return sandbox.result as RegExpExecArray | null;
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
        this.logger.warn(`template ${owner}: a pattern ran past ${this.timeoutMs} ms and was stopped`);
        return null;
      }
      throw error;
    }
  }
}
