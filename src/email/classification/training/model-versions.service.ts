import { Injectable } from '@nestjs/common';
import { DomainException } from '../../../core/errors/domain.exception.js';
import { paginate } from '../../../core/http/keyset-pagination.js';
import { ClassifierState } from '../classifier/classifier-state.service.js';
import { ClassificationErrorCode } from '../classification.errors.js';
import { ModelVersionDto, type ModelVersionPageDto } from '../dto/model.dto.js';
import { ClassifierModelsRepository } from '../repositories/classifier-models.repository.js';

const VERSION = /^\d{1,9}$/;

/** Model versions over REST: the list, one version, and activation (also of an older one: a rollback). */
@Injectable()
export class ModelVersionsService {
  constructor(
    private readonly models: ClassifierModelsRepository,
    private readonly state: ClassifierState,
  ) {}

  list(query: { limit?: number; cursor?: string }): Promise<ModelVersionPageDto> {
    return paginate(
      {
        fetch: (before, limit) => this.models.list({ before, limit }),
        keyOf: (row) => ({ at: row.keyset_at, id: String(row.version) }),
        toItem: (row) => ModelVersionDto.of(row),
        idPattern: VERSION,
      },
      { limit: query.limit ?? 50, cursor: query.cursor },
    );
  }

  async get(version: number): Promise<ModelVersionDto> {
    const row = await this.models.get(version);
    if (!row) throw notFound(version);
    return ModelVersionDto.of(row);
  }

  /**
   * The version becomes ACTIVE and the active one RETIRED. This instance classifies with it from
   * the moment this returns; the others within REVISION_CHECK_MS.
   */
  async activate(version: number, note?: Record<string, unknown>): Promise<ModelVersionDto> {
    const result = await this.models.activate(version, note);
    if (result === 'missing') throw notFound(version);
    if (typeof result === 'string') {
      throw new DomainException(
        ClassificationErrorCode.ModelNotActivatable,
        `Model version ${version} is ${result}: only a READY or RETIRED version can be activated.`,
        { status_of_version: result },
      );
    }
    await this.state.refresh();
    return ModelVersionDto.of(result);
  }
}

const notFound = (version: number) =>
  new DomainException(ClassificationErrorCode.ModelNotFound, `No classifier model version ${version}.`);
