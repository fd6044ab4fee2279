import { Module } from '@nestjs/common';
import { CacheModule } from '../../cache/cache.module.js';
import { StateModule } from '../../state/state.module.js';
import { EMAIL_CLASSIFIER, TRAINING_EXAMPLES } from '../email.types.js';
import { EmailClassesController } from './classes/email-classes.controller.js';
import { EmailClassesService } from './classes/email-classes.service.js';
import { ClassifierState } from './classifier/classifier-state.service.js';
import { ClassifyController } from './classifier/classify.controller.js';
import { EmailClassifierService } from './classifier/email-classifier.service.js';
import { ClassificationRevisionRepository } from './repositories/classification-revision.repository.js';
import { ClassifierExamplesRepository } from './repositories/classifier-examples.repository.js';
import { ClassifierModelsRepository } from './repositories/classifier-models.repository.js';
import { EmailClassesRepository } from './repositories/email-classes.repository.js';
import { EmailRulesRepository } from './repositories/email-rules.repository.js';
import { EmailRulesController } from './rules/email-rules.controller.js';
import { EmailRulesService } from './rules/email-rules.service.js';
import { ModelTrainingService } from './training/model-training.service.js';
import { ModelVersionsController } from './training/model-versions.controller.js';
import { ModelVersionsService } from './training/model-versions.service.js';
import { RetrainJob } from './training/retrain.job.js';
import { ScheduledRetrain } from './training/scheduled-retrain.service.js';
import { TrainingExamplesController } from './training/training-examples.controller.js';
import { TrainingExamplesService } from './training/training-examples.service.js';

/**
 * Email classification: a TF-IDF + softmax model per trained version (one active), rules that
 * override it or decide when it is unsure, and class routes (robot type, threshold, priority).
 * Exports EMAIL_CLASSIFIER (for ingest) and TRAINING_EXAMPLES (for review and feedback).
 */
@Module({
  imports: [StateModule, CacheModule],
  controllers: [
    TrainingExamplesController,
    ModelVersionsController,
    ClassifyController,
    EmailClassesController,
    EmailRulesController,
  ],
  providers: [
    ClassificationRevisionRepository,
    ClassifierExamplesRepository,
    ClassifierModelsRepository,
    EmailClassesRepository,
    EmailRulesRepository,
    ClassifierState,
    EmailClassifierService,
    { provide: EMAIL_CLASSIFIER, useExisting: EmailClassifierService },
    TrainingExamplesService,
    { provide: TRAINING_EXAMPLES, useExisting: TrainingExamplesService },
    ModelTrainingService,
    ModelVersionsService,
    ScheduledRetrain,
    RetrainJob,
    EmailClassesService,
    EmailRulesService,
  ],
  exports: [EMAIL_CLASSIFIER, TRAINING_EXAMPLES],
})
export class EmailClassificationModule {}
