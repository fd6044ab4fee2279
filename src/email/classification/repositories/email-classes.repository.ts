import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface EmailClassRow {
  class_name: string;
  robot_type: string | null;
  min_confidence: number;
  priority: string;
  description: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface EmailClassWrite {
  robot_type: string | null;
  min_confidence: number;
  priority: string;
  description: string | null;
}

const COLUMNS =
  'class_name, robot_type, min_confidence::float8 AS min_confidence, priority, description, created_at, updated_at';

/** Classes and their routes: a few rows, read whole. Reads go to the writer so a change shows at once. */
@Injectable()
export class EmailClassesRepository {
  constructor(@InjectDataSource() private readonly writer: DataSource) {}

  all(): Promise<EmailClassRow[]> {
    return this.writer.query(`SELECT ${COLUMNS} FROM email_classes ORDER BY class_name`);
  }

  async get(name: string): Promise<EmailClassRow | undefined> {
    const rows: EmailClassRow[] = await this.writer.query(
      `SELECT ${COLUMNS} FROM email_classes WHERE class_name = $1`,
      [name],
    );
    return rows[0];
  }

  /** Creates the class or replaces its route; `created` tells which. */
  async put(name: string, write: EmailClassWrite): Promise<{ row: EmailClassRow; created: boolean }> {
    const rows: Array<EmailClassRow & { created: boolean }> = await this.writer.query(
      `INSERT INTO email_classes (class_name, robot_type, min_confidence, priority, description)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (class_name) DO UPDATE
         SET robot_type = EXCLUDED.robot_type, min_confidence = EXCLUDED.min_confidence,
             priority = EXCLUDED.priority, description = EXCLUDED.description, updated_at = now()
       RETURNING ${COLUMNS}, (xmax = 0) AS created`,
      [name, write.robot_type, write.min_confidence, write.priority, write.description],
    );
    const { created, ...row } = rows[0];
    return { row, created };
  }

  async delete(name: string): Promise<boolean> {
    const rows: unknown[] = await this.writer.query(
      `WITH deleted AS (DELETE FROM email_classes WHERE class_name = $1 RETURNING class_name) SELECT * FROM deleted`,
      [name],
    );
    return rows.length > 0;
  }
}
