import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../core/config/app-config.service.js';
import { DomainException } from '../../../core/errors/domain.exception.js';
import { Priority } from '../../../sdk/enums.js';
import { ClassifierState } from '../classifier/classifier-state.service.js';
import { ClassificationErrorCode } from '../classification.errors.js';
import { EmailClassDto, type EmailClassListDto, type PutEmailClassDto } from '../dto/class.dto.js';
import { EmailClassesRepository } from '../repositories/email-classes.repository.js';

/** Classes and their routes (robot type, review threshold, priority); the classifier reloads at once. */
@Injectable()
export class EmailClassesService {
  private readonly defaultThreshold: number;

  constructor(
    private readonly classes: EmailClassesRepository,
    private readonly state: ClassifierState,
    config: AppConfig,
  ) {
    this.defaultThreshold = config.get('EMAIL_MIN_CONFIDENCE');
  }

  async list(): Promise<EmailClassListDto> {
    return { items: (await this.classes.all()).map((row) => EmailClassDto.of(row)) };
  }

  async get(name: string): Promise<EmailClassDto> {
    const row = await this.classes.get(name);
    if (!row) throw notFound(name);
    return EmailClassDto.of(row);
  }

  /** Creates or replaces the class's route; what the body leaves out takes its default. */
  async put(name: string, body: PutEmailClassDto): Promise<{ item: EmailClassDto; created: boolean }> {
    const { row, created } = await this.classes.put(name, {
      robot_type: body.robot_type,
      min_confidence: body.min_confidence ?? this.defaultThreshold,
      priority: body.priority ?? Priority.Normal,
      description: body.description ?? null,
    });
    await this.state.refresh();
    return { item: EmailClassDto.of(row), created };
  }

  async delete(name: string): Promise<void> {
    if (!(await this.classes.delete(name))) throw notFound(name);
    await this.state.refresh();
  }
}

const notFound = (name: string) =>
  new DomainException(ClassificationErrorCode.ClassNotFound, `No email class ${name}.`);
