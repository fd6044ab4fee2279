import { Injectable } from '@nestjs/common';
import { DomainException } from '../../../core/errors/domain.exception.js';
import { paginate } from '../../../core/http/keyset-pagination.js';
import type { EmailTx, TrainingExampleInput, TrainingExamples } from '../../email.types.js';
import { ClassificationErrorCode } from '../classification.errors.js';
import {
  type AddExampleDto,
  AddedExampleDto,
  type BulkAddedExamplesDto,
  ExampleDto,
  type ExamplePageDto,
} from '../dto/example.dto.js';
import { featuresOf } from '../features.js';
import { emailOf } from '../intake/email-body.js';
import { ClassifierExamplesRepository } from '../repositories/classifier-examples.repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * TRAINING_EXAMPLES (corrections from review and feedback, in their own transaction) and the
 * examples API. An example keeps `featuresOf` of its email, not the email: what the model learns
 * from, and no more of the message than that.
 */
@Injectable()
export class TrainingExamplesService implements TrainingExamples {
  constructor(private readonly examples: ClassifierExamplesRepository) {}

  async add(tx: EmailTx, example: TrainingExampleInput): Promise<void> {
    await this.examples.upsertIn(tx, example);
  }

  async addOne(body: AddExampleDto, createdBy: string | null): Promise<AddedExampleDto> {
    const { row, created } = await this.examples.upsert(await this.exampleOf(body, createdBy));
    return AddedExampleDto.added(row, created);
  }

  /** All or none: a body that is not an email refuses the whole batch, naming its index. */
  async addMany(bodies: AddExampleDto[], createdBy: string | null): Promise<BulkAddedExamplesDto> {
    const examples: TrainingExampleInput[] = [];
    for (const [i, body] of bodies.entries()) examples.push(await this.exampleOf(body, createdBy, `examples[${i}]: `));
    const written = await this.examples.upsertMany(examples);
    return {
      created: written.filter((w) => w.created).length,
      replaced: written.filter((w) => !w.created).length,
      items: written.map(({ row, created }) => AddedExampleDto.added(row, created)),
    };
  }

  async list(query: { label?: string; limit?: number; cursor?: string }): Promise<ExamplePageDto> {
    const [page, counts] = await Promise.all([
      paginate(
        {
          fetch: (before, limit) => this.examples.list({ label: query.label, before, limit }),
          keyOf: (row) => ({ at: row.keyset_at, id: row.example_id }),
          toItem: (row) => ExampleDto.of(row),
          idPattern: UUID,
        },
        { limit: query.limit ?? 50, cursor: query.cursor },
      ),
      this.examples.countsByLabel(),
    ]);
    return { ...page, counts, total: Object.values(counts).reduce((sum, n) => sum + n, 0) };
  }

  async delete(exampleId: string): Promise<void> {
    if (!(await this.examples.delete(exampleId))) {
      throw new DomainException(ClassificationErrorCode.ExampleNotFound, `No training example ${exampleId}.`);
    }
  }

  private async exampleOf(body: AddExampleDto, createdBy: string | null, where = ''): Promise<TrainingExampleInput> {
    const { input, content_sha256 } = await emailOf(body, where);
    return {
      label: body.label,
      content_sha256,
      features: featuresOf(input),
      source: 'api',
      email_id: null,
      created_by: createdBy,
    };
  }
}
