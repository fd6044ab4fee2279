import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { DomainException } from '../../../core/errors/domain.exception.js';
import { ClassificationErrorCode } from '../classification.errors.js';
import { DEFAULT_TRAIN_OPTIONS, train } from '../model/classifier-model.js';
import { crossValidate } from '../model/cross-validation.js';
import { timeSlicer } from '../model/time-slicer.js';
import { ClassifierExamplesRepository } from '../repositories/classifier-examples.repository.js';
import { type ClassifierModelRow, ClassifierModelsRepository } from '../repositories/classifier-models.repository.js';

/** Cross-validation needs a few examples per fold; fewer than this trains nothing worth measuring. */
export const MIN_TRAINING_EXAMPLES = 10;
export const CV_FOLDS = 5;
export const CV_SEED = 42;
/** A training run reads at most the newest this many examples (memory: ~2 KB of features each). */
export const MAX_TRAINING_EXAMPLES = 50_000;
/** A TRAINING version this old belongs to an instance that stopped: it no longer blocks training. */
export const TRAINING_STALE_MS = 30 * 60_000;
/** Training yields to the event loop at least this often, so intake and the API stay responsive. */
export const TRAINING_SLICE_MS = 20;

/**
 * Trains model versions off the request: `start` writes the TRAINING version and returns, the
 * work runs on this instance's event loop in slices of TRAINING_SLICE_MS (see timeSlicer), and
 * the version ends READY with its cross-validated metrics or FAILED with the error. On 2 cores a
 * worker thread would compete with the request threads' CPU anyway; slicing keeps the cost visible
 * and needs no separate bundle for the worker.
 */
@Injectable()
export class ModelTrainingService implements OnModuleDestroy {
  private readonly logger = new Logger(ModelTrainingService.name);
  private readonly abort = new AbortController();
  private readonly running = new Map<number, Promise<void>>();

  constructor(
    private readonly examples: ClassifierExamplesRepository,
    private readonly models: ClassifierModelsRepository,
  ) {}

  /** A new TRAINING version, trained in the background. */
  async start(createdBy: string | null): Promise<ClassifierModelRow> {
    const counts = await this.examples.countsByLabel();
    const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
    if (Object.keys(counts).length < 2 || total < MIN_TRAINING_EXAMPLES) {
      throw new DomainException(
        ClassificationErrorCode.TooFewExamples,
        `Training needs at least ${MIN_TRAINING_EXAMPLES} examples of at least two labels; there are ${total} of ${Object.keys(counts).length}.`,
        { counts },
      );
    }
    const row = await this.models.startTraining(createdBy, TRAINING_STALE_MS);
    if (row === 'busy') {
      throw new DomainException(
        ClassificationErrorCode.TrainingInProgress,
        'A model version is training already: wait for it to finish.',
      );
    }
    const work = this.train(row.version).finally(() => this.running.delete(row.version));
    this.running.set(row.version, work);
    return row;
  }

  /** Resolves when the version this instance trains has ended (at once when it trains none). */
  async finished(version: number): Promise<void> {
    await this.running.get(version);
  }

  async onModuleDestroy(): Promise<void> {
    this.abort.abort();
    await Promise.all(this.running.values());
  }

  private async train(version: number): Promise<void> {
    const started = performance.now();
    try {
      const examples = await this.examples.forTraining(MAX_TRAINING_EXAMPLES);
      const pause = timeSlicer(TRAINING_SLICE_MS, this.abort.signal);
      const { predictions: _predictions, ...cv } = await crossValidate(examples, {
        folds: CV_FOLDS,
        seed: CV_SEED,
        train: { pause },
      });
      const model = await train(examples, { pause });
      const metrics = {
        ...cv,
        training_ms: Math.round(performance.now() - started),
        vocabulary_size: model.terms.length,
        model_bytes: Buffer.byteLength(JSON.stringify(model)),
        options: DEFAULT_TRAIN_OPTIONS,
      };
      await this.models.finishReady(version, {
        model,
        metrics,
        classes: model.classes,
        example_count: examples.length,
      });
      this.logger.log(`model version ${version} READY: accuracy ${cv.accuracy} over ${examples.length} examples`);
    } catch (error) {
      const message = this.abort.signal.aborted ? 'interrupted: the instance shut down' : (error as Error).message;
      this.logger.warn(`model version ${version} FAILED: ${message}`);
      await this.models.finishFailed(version, message).catch(() => undefined);
    }
  }
}
