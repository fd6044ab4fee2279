import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AppConfig } from '../../../core/config/app-config.service.js';
import { compile } from '../model/classifier-model.js';
import {
  ClassificationRevisionRepository,
  type ClassificationRevision,
} from '../repositories/classification-revision.repository.js';
import { ClassifierModelsRepository } from '../repositories/classifier-models.repository.js';
import { EmailClassesRepository } from '../repositories/email-classes.repository.js';
import { EmailRulesRepository } from '../repositories/email-rules.repository.js';
import { PatternRunner } from '../rules/pattern-runner.js';
import { compileConditions } from '../rules/rule-conditions.js';
import { RuleSet } from '../rules/rule-set.js';
import type { ClassRoute, DecisionContext } from './decide.js';

/**
 * How often an instance checks whether another one activated a model or changed rules or classes:
 * one small query (ClassificationRevisionRepository), so a change reaches every instance within
 * this long. This instance's own writes refresh at once.
 */
export const REVISION_CHECK_MS = 2_000;

/** Every rule runs on every email: their number is bounded (the API refuses more). */
export const MAX_RULES = 500;

/** A message's patterns together get this long (PatternRunner). */
export const PATTERN_BUDGET_MS = 50;

export interface ClassifierSnapshot extends DecisionContext {
  /** Rules, classes and the default threshold as one digest: part of the cache key. */
  revision: string;
}

/** The active model, rules and routes in memory, reloaded when their revision changes. */
@Injectable()
export class ClassifierState implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ClassifierState.name);
  private readonly runner = new PatternRunner(PATTERN_BUDGET_MS);
  private readonly defaultThreshold: number;
  private snapshot?: ClassifierSnapshot;
  private seen?: ClassificationRevision;
  private chain: Promise<unknown> = Promise.resolve();
  private pending = false;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly revisions: ClassificationRevisionRepository,
    private readonly models: ClassifierModelsRepository,
    private readonly rules: EmailRulesRepository,
    private readonly classes: EmailClassesRepository,
    config: AppConfig,
  ) {
    this.defaultThreshold = config.get('EMAIL_MIN_CONFIDENCE');
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      // A check still queued covers this tick.
      if (!this.pending)
        this.refresh().catch((error: Error) => this.logger.warn(`revision check failed: ${error.message}`));
    }, REVISION_CHECK_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async current(): Promise<ClassifierSnapshot> {
    return this.snapshot ?? this.refresh();
  }

  /**
   * Reads the revision and reloads what changed. Refreshes run one after another, so one asked for
   * after a write always reads after that write.
   */
  refresh(): Promise<ClassifierSnapshot> {
    this.pending = true;
    const next = this.chain.then(() => {
      this.pending = false;
      return this.load();
    });
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async load(): Promise<ClassifierSnapshot> {
    const revision = await this.revisions.current();
    const before = this.seen;
    const previous = this.snapshot;
    if (previous && before && sameRevision(before, revision)) return previous;
    const model =
      previous && before?.active_version === revision.active_version ? previous.model : await this.loadModel(revision);
    const rules = previous && before?.rules === revision.rules ? previous.rules : await this.loadRules();
    const classes = previous && before?.classes === revision.classes ? previous.classes : await this.loadClasses();
    this.snapshot = {
      model,
      rules,
      classes,
      defaultThreshold: this.defaultThreshold,
      revision: createHash('md5')
        .update(`${revision.rules}|${revision.classes}|${this.defaultThreshold}`)
        .digest('hex')
        .slice(0, 16),
    };
    this.seen = revision;
    return this.snapshot;
  }

  private async loadModel(revision: ClassificationRevision): Promise<DecisionContext['model']> {
    if (revision.active_version === null) return null;
    const version = revision.active_version;
    try {
      const stored = await this.models.modelOf(version);
      if (!stored) return null;
      return { version, compiled: compile(stored) };
    } catch (error) {
      // A model that cannot be read classifies nothing; rules still decide.
      this.logger.error(`model version ${version} could not be loaded: ${(error as Error).message}`);
      return null;
    }
  }

  private async loadRules(): Promise<RuleSet> {
    const rows = (await this.rules.all(MAX_RULES)).filter((row) => row.enabled);
    const usable = rows.filter((row) => {
      try {
        compileConditions(row.conditions);
        return true;
      } catch (error) {
        this.logger.error(`rule ${row.rule_id} is skipped: ${(error as Error).message}`);
        return false;
      }
    });
    return new RuleSet(usable, this.runner);
  }

  private async loadClasses(): Promise<Map<string, ClassRoute>> {
    const rows = await this.classes.all();
    return new Map(
      rows.map((row) => [
        row.class_name,
        { robot_type: row.robot_type, priority: row.priority, min_confidence: row.min_confidence },
      ]),
    );
  }
}

function sameRevision(a: ClassificationRevision, b: ClassificationRevision): boolean {
  return a.active_version === b.active_version && a.rules === b.rules && a.classes === b.classes;
}
