import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { CacheService } from '../../../cache/cache.service.js';
import { AppConfig } from '../../../core/config/app-config.service.js';
import type { Classification, ClassificationInput, EmailClassifier } from '../../email.types.js';
import { featuresOf } from '../features.js';
import { ClassifierState } from './classifier-state.service.js';
import { type Decision, decide } from './decide.js';

const CACHE_PREFIX = 'email_classification';

/**
 * EMAIL_CLASSIFIER: the active model and the rules, with routes from the classes. A result is
 * cached by (a hash of what the classifier reads, model version, revision of rules and classes)
 * for EMAIL_CLASSIFY_CACHE_TTL_MS, so activating a model or changing a rule never serves an old
 * answer. What it reads (sender, subject, text, attachments), not the message's identity: the
 * same notification sent again under a new Message-ID, the repeated pattern of automated mail,
 * is answered from the cache.
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

  async classify(input: ClassificationInput): Promise<Classification> {
    const snapshot = await this.state.current();
    const read = createHash('sha256').update(JSON.stringify(input)).digest('base64url');
    const key = `${CACHE_PREFIX}:${read}:${snapshot.model?.version ?? 'none'}:${snapshot.revision}`;
    if (this.ttlMs > 0) {
      const hit = await this.cache.get<Decision>(key);
      if (hit) return { ...hit, cached: true };
    }
    const decision = decide(snapshot, input, () => featuresOf(input));
    if (this.ttlMs > 0) await this.cache.set(key, decision, this.ttlMs);
    return { ...decision, cached: false };
  }
}
