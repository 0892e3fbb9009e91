import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { SpaceTemplateSchema, type SpaceTemplate } from './template.js';

/** Saved space templates (migration 0006); built-in ones live in code (default-template.ts). */
export class TemplateStore {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async save(template: SpaceTemplate, at: string): Promise<void> {
    const row = { name: template.name, description: template.description ?? null, body: JSON.stringify(template.groups) };
    await this.#db
      .insertInto('space_templates')
      .values({ id: template.id, created_at: at, ...row })
      .onConflict((oc) => oc.column('id').doUpdateSet(row))
      .execute();
  }

  async get(id: string): Promise<SpaceTemplate | undefined> {
    const row = await this.#db.selectFrom('space_templates').selectAll().where('id', '=', id).executeTakeFirst();
    return row && SpaceTemplateSchema.parse({ id: row.id, name: row.name, ...(row.description !== null && { description: row.description }), groups: JSON.parse(row.body) });
  }

  async list(): Promise<Array<Pick<SpaceTemplate, 'id' | 'name' | 'description'>>> {
    const rows = await this.#db.selectFrom('space_templates').select(['id', 'name', 'description']).orderBy('id').execute();
    return rows.map((row) => ({ id: row.id, name: row.name, ...(row.description !== null && { description: row.description }) }));
  }

  async remove(id: string): Promise<boolean> {
    const result = await this.#db.deleteFrom('space_templates').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
