import { expect } from '@jest/globals';
import type pg from 'pg';
import {
  EXPECTED_COLUMNS,
  EXPECTED_ENUMS,
  EXPECTED_FOREIGN_KEYS,
  EXPECTED_INDEXES,
  EXPECTED_PRIMARY_KEYS,
} from './expected-schema.js';

type Queryable = Pick<pg.ClientBase, 'query'>;

interface ColumnRow {
  table_name: string;
  column_name: string;
  data_type: string;
  udt_name: string;
  character_maximum_length: number | null;
  numeric_precision: number | null;
  numeric_scale: number | null;
  is_nullable: 'YES' | 'NO';
  column_default: string | null;
}

function typeOf(row: ColumnRow): string {
  switch (row.data_type) {
    case 'character varying':
      return `varchar(${row.character_maximum_length})`;
    case 'numeric':
      return `numeric(${row.numeric_precision},${row.numeric_scale})`;
    case 'timestamp without time zone':
      return 'timestamp';
    case 'ARRAY':
      return `${row.udt_name.replace(/^_/, '')}[]`;
    case 'USER-DEFINED':
      return row.udt_name;
    default:
      return row.data_type;
  }
}

/** Columns as "name type [NOT NULL] [DEFAULT expr]", read from information_schema. */
export async function actualColumns(db: Queryable): Promise<Record<string, string[]>> {
  const { rows } = await db.query<ColumnRow>(
    `SELECT table_name, column_name, data_type, udt_name, character_maximum_length, numeric_precision,
            numeric_scale, is_nullable, column_default
       FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name = ANY($1)
      ORDER BY table_name, ordinal_position`,
    [Object.keys(EXPECTED_COLUMNS)],
  );
  const tables: Record<string, string[]> = {};
  for (const row of rows) {
    const parts = [row.column_name, typeOf(row)];
    if (row.is_nullable === 'NO') parts.push('NOT NULL');
    if (row.column_default !== null) parts.push(`DEFAULT ${row.column_default}`);
    (tables[row.table_name] ??= []).push(parts.join(' '));
  }
  return tables;
}

/** Enum labels in declaration order, from pg_type and pg_enum. */
export async function actualEnums(db: Queryable): Promise<Record<string, string[]>> {
  const { rows } = await db.query<{ typname: string; labels: string[] }>(
    `SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
       JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' AND t.typtype = 'e'
      GROUP BY t.typname`,
  );
  return Object.fromEntries(rows.map((row) => [row.typname, row.labels]));
}

/** Indexes as "table [UNIQUE] (columns) [WHERE predicate]", parsed from pg_indexes.indexdef. */
export async function actualIndexes(db: Queryable): Promise<Record<string, string>> {
  const { rows } = await db.query<{ indexname: string; tablename: string; indexdef: string }>(
    `SELECT indexname, tablename, indexdef FROM pg_indexes
      WHERE schemaname = 'public' AND tablename = ANY($1)`,
    [Object.keys(EXPECTED_COLUMNS)],
  );
  const indexes: Record<string, string> = {};
  for (const { indexname, tablename, indexdef } of rows) {
    const match = /^CREATE (UNIQUE )?INDEX \S+ ON \S+ USING btree (\(.*?\))(?: WHERE (.*))?$/.exec(indexdef);
    if (!match) throw new Error(`unexpected index definition: ${indexdef}`);
    const [, unique, columns, predicate] = match;
    indexes[indexname] = [tablename, unique ? 'UNIQUE' : '', columns, predicate ? `WHERE ${predicate}` : '']
      .filter(Boolean)
      .join(' ');
  }
  return indexes;
}

export async function actualForeignKeys(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ fk: string }>(
    `SELECT kcu.table_name || '.' || kcu.column_name || ' -> ' || ccu.table_name || '.' || ccu.column_name
            || ' ON DELETE ' || rc.delete_rule AS fk
       FROM information_schema.referential_constraints rc
       JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = rc.constraint_name
       JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = rc.unique_constraint_name
      WHERE kcu.table_schema = 'public'
      ORDER BY 1`,
  );
  return rows.map((row) => row.fk);
}

export async function actualPrimaryKeys(db: Queryable): Promise<Record<string, string>> {
  const { rows } = await db.query<{ table_name: string; columns: string }>(
    `SELECT tc.table_name, string_agg(kcu.column_name, ', ' ORDER BY kcu.ordinal_position) AS columns
       FROM information_schema.table_constraints tc
       JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name
      WHERE tc.table_schema = 'public' AND tc.constraint_type = 'PRIMARY KEY' AND tc.table_name = ANY($1)
      GROUP BY tc.table_name`,
    [Object.keys(EXPECTED_COLUMNS)],
  );
  return Object.fromEntries(rows.map((row) => [row.table_name, row.columns]));
}

/** Every column, type, default, NOT NULL, enum value, key and index of the data model. */
export async function expectCoreSchema(db: Queryable): Promise<void> {
  expect(await actualColumns(db)).toEqual(EXPECTED_COLUMNS);
  expect(await actualEnums(db)).toEqual(EXPECTED_ENUMS);
  expect(await actualIndexes(db)).toEqual(EXPECTED_INDEXES);
  expect(await actualForeignKeys(db)).toEqual(EXPECTED_FOREIGN_KEYS);
  expect(await actualPrimaryKeys(db)).toEqual(EXPECTED_PRIMARY_KEYS);
}
