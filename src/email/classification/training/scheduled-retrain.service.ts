import { Injectable } from '@nestjs/common';
import { DomainException } from '../../../core/errors/domain.exception.js';
import { ClassificationErrorCode } from '../classification.errors.js';
import { ClassifierExamplesRepository } from '../repositories/classifier-examples.repository.js';
import { ClassifierModelsRepository } from '../repositories/classifier-models.repository.js';
import { ModelTrainingService } from './model-training.service.js';
import { ModelVersionsService } from './model-versions.service.js';

/**
 * The scheduled retrain: when examples were added (or relabelled) since the active version began
 * training, train a new version and activate it only if its cross-validated accuracy is not worse
 * than the active one's. The verdict is written into the new version's metrics (`retrain`) either way.
 * Without an active version it does nothing: the first activation is a person's decision.
 */
@Injectable()
export class ScheduledRetrain {
  constructor(
    private readonly models: ClassifierModelsRepository,
    private readonly examples: ClassifierExamplesRepository,
    private readonly training: ModelTrainingService,
    private readonly versions: ModelVersionsService,
  ) {}

  async run(): Promise<Record<string, unknown>> {
    const active = await this.models.active();
    if (!active) return { skipped: 'no active model version' };
    if (!(await this.examples.changedSinceModel(active.version))) {
      return { skipped: `no examples added since version ${active.version}` };
    }
    let version: number;
    try {
      version = (await this.training.start('scheduled-retrain')).version;
    } catch (error) {
      const skippable = [ClassificationErrorCode.TrainingInProgress, ClassificationErrorCode.TooFewExamples];
      if (error instanceof DomainException && skippable.includes(error.code as ClassificationErrorCode)) {
        return { skipped: error.detail };
      }
      throw error;
    }
    await this.training.finished(version);
    const trained = await this.models.get(version);
    if (trained?.status !== 'READY') return { version, status: trained?.status, error: trained?.error ?? null };
    // Compared with what is active now: a person may have activated another version meanwhile.
    const current = await this.models.active();
    const accuracy = Number(trained.metrics?.accuracy ?? 0);
    const previous = current ? Number(current.metrics?.accuracy ?? 0) : null;
    const activated = previous === null || accuracy >= previous;
    const retrain = {
      scheduled: true,
      compared_with_version: current?.version ?? null,
      compared_accuracy: previous,
      accuracy,
      activated,
      reason: activated
        ? 'cross-validated accuracy not worse than the active version'
        : 'cross-validated accuracy worse than the active version: kept READY',
    };
    if (activated) await this.versions.activate(version, { retrain });
    else await this.models.noteMetrics(version, { retrain });
    return { version, ...retrain };
  }
}
