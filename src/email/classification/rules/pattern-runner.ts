import { Logger } from '@nestjs/common';
import { createContext, Script } from 'node:vm';

/** One pattern to test on one text, on behalf of a rule (named in the log if it runs out of time). */
export interface PatternCheck {
  pattern: RegExp;
  text: string;
  owner: string;
}

// Runs the checks in order, recording progress, so a timeout tells which check ran out.
const RUN = new Script(
  'for (; done < checks.length; done++) results[done] = checks[done].pattern.test(checks[done].text);',
);

/** A message's checks that ran out of time before the rest are given up. */
const MAX_TIMEOUTS = 2;

/**
 * Tests patterns under a time budget: V8 checks for interrupts while it backtracks, so a `vm`
 * timeout stops a runaway match. A message's checks run together in one `vm` call, whose
 * watchdog costs ~0.4 ms (measured; one call per check would cost that per rule). A check that
 * runs out of time counts as no match and is logged by its rule, never by the text.
 */
export class PatternRunner {
  private readonly logger = new Logger(PatternRunner.name);
  private readonly context = createContext({ checks: [], results: [], done: 0 });

  constructor(private readonly budgetMs: number) {}

  test(checks: readonly PatternCheck[]): boolean[] {
    const results = new Array<boolean>(checks.length).fill(false);
    if (checks.length === 0) return results;
    let from = 0;
    for (let timeouts = 0; from < checks.length && timeouts <= MAX_TIMEOUTS; timeouts++) {
      const batch = checks.slice(from);
      const found: boolean[] = [];
      Object.assign(this.context, { checks: batch, results: found, done: 0 });
      try {
        RUN.runInContext(this.context, { timeout: this.budgetMs });
        batch.forEach((_, i) => (results[from + i] = found[i] === true));
        return results;
      } catch (error) {
        if ((error as { code?: string }).code !== 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw error;
        const done = this.context.done as number;
        for (let i = 0; i < done; i++) results[from + i] = found[i] === true;
        this.logger.warn(`rule ${batch[done].owner}: a pattern ran past ${this.budgetMs} ms and was stopped`);
        from += done + 1;
      } finally {
        Object.assign(this.context, { checks: [], results: [] });
      }
    }
    return results;
  }
}
