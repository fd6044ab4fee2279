import { Injectable } from '@nestjs/common';
import { CacheService } from '../../../cache/cache.service.js';
import { AppConfig } from '../../../core/config/app-config.service.js';
import type { Classification, ClassificationInput, EmailClassifier } from '../../email.types.js';
import { featuresOf } from '../features.js';
import { ClassifierState } from './classifier-state.service.js';
import { type Decision, decide } from './decide.js';

const CACHE_PREFIX = 'email_classification';

/**
 * EMAIL_CLASSIFIER: the active model and the rules, with routes from the classes. A result is
 * cached by (content hash, model version, revision of rules and classes) for
 * EMAIL_CLASSIFY_CACHE_TTL_MS, so activating a model or changing a rule never serves an old answer.
 */
@Injectable()
export class EmailClassifierService implements EmailClassifier {
  private readonly ttlMs: number;

  constructor(
    private readonly state: ClassifierState,
    private readonly cache: CacheService,
    config: AppConfig,
  ) {
    this.ttlMs = config.get('EMAIL_CLASSIFY_CACHE_TTL_MS');
  }

  async classify(input: ClassificationInput, contentSha256: string): Promise<Classification> {
    const snapshot = await this.state.current();
    const key = `${CACHE_PREFIX}:${contentSha256}:${snapshot.model?.version ?? 'none'}:${snapshot.revision}`;
    if (this.ttlMs > 0) {
      const hit = await this.cache.get<Decision>(key);
      if (hit) return { ...hit, cached: true };
    }
    const decision = decide(snapshot, input, () => featuresOf(input));
    if (this.ttlMs > 0) await this.cache.set(key, decision, this.ttlMs);
    return { ...decision, cached: false };
  }
}
