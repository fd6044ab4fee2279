import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** What the classifier's decisions depend on, cheap to read: which model is active, and a digest of rules and classes. */
export interface ClassificationRevision {
  active_version: number | null;
  /** md5 of every rule's id and last change (and of every class's): any write changes it. */
  rules: string;
  classes: string;
}

@Injectable()
export class ClassificationRevisionRepository {
  constructor(@InjectDataSource() private readonly writer: DataSource) {}

  async current(): Promise<ClassificationRevision> {
    const rows: ClassificationRevision[] = await this.writer.query(
      `SELECT (SELECT version FROM classifier_models WHERE status = 'ACTIVE') AS active_version,
              (SELECT md5(coalesce(string_agg(rule_id::text || ':' || updated_at::text, ',' ORDER BY rule_id), ''))
                 FROM email_rules) AS rules,
              (SELECT md5(coalesce(string_agg(class_name || ':' || updated_at::text, ',' ORDER BY class_name), ''))
                 FROM email_classes) AS classes`,
    );
    return rows[0];
  }
}
