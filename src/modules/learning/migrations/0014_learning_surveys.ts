import { sql, type Kysely } from 'kysely';
import { columnTypes } from '../../../core/db/migrations/helpers.js';

/**
 * Learning-needs surveys: a survey targets a region (the city or a town, optionally some of its villages), has
 * ordered questions (single choice, multiple choice, free text) with ordered options, and collects one response
 * per person. A response keeps the respondent's home path, town and age group as they were when they answered,
 * so results can be broken down and scoped without reading personal data again.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema.createTable('learning_surveys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('region_id', 'varchar(12)', (c) => c.notNull().references('regions.id'))
    // The target region's path: scope checks and "does the respondent live here" are prefix tests on it.
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft').check(sql`status in ('draft','published','closed')`))
    .addColumn('opens_at', t.timestamp, (c) => c.notNull())
    .addColumn('closes_at', t.timestamp, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('published_at', t.timestamp)
    .addColumn('closed_at', t.timestamp)
    .addCheckConstraint('learning_surveys_window', sql`closes_at > opens_at`)
    .execute();
  await db.schema.createIndex('learning_surveys_path').on('learning_surveys').columns(['path', 'status']).execute();
  await db.schema.createIndex('learning_surveys_open').on('learning_surveys').columns(['status', 'closes_at']).execute();

  // Villages the survey is limited to (none: the whole region).
  await db.schema.createTable('learning_survey_villages')
    .addColumn('survey_id', 'text', (c) => c.notNull().references('learning_surveys.id').onDelete('cascade'))
    .addColumn('region_id', 'varchar(12)', (c) => c.notNull().references('regions.id'))
    .addColumn('path', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('learning_survey_villages_pk', ['survey_id', 'region_id'])
    .execute();

  await db.schema.createTable('learning_survey_questions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('survey_id', 'text', (c) => c.notNull().references('learning_surveys.id').onDelete('cascade'))
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('single','multiple','text')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('required', 'integer', (c) => c.notNull().defaultTo(0))
    // Multiple choice: at most this many options (null: any number); free text: at most this many characters.
    .addColumn('max_choices', 'integer')
    .addColumn('max_length', 'integer')
    .execute();
  await db.schema.createIndex('learning_survey_questions_survey').on('learning_survey_questions').columns(['survey_id', 'sort']).execute();

  await db.schema.createTable('learning_survey_options')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('question_id', 'text', (c) => c.notNull().references('learning_survey_questions.id').onDelete('cascade'))
    .addColumn('survey_id', 'text', (c) => c.notNull().references('learning_surveys.id').onDelete('cascade'))
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('learning_survey_options_question').on('learning_survey_options').columns(['question_id', 'sort']).execute();

  await db.schema.createTable('learning_survey_responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('survey_id', 'text', (c) => c.notNull().references('learning_surveys.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    // The respondent's home path and town when they answered (town null: registered at city level).
    .addColumn('respondent_path', 'text', (c) => c.notNull())
    .addColumn('town_id', 'varchar(12)')
    .addColumn('age_group', 'text', (c) => c.notNull().check(sql`age_group in ('under30','30_44','45_59','60_69','70plus','unknown')`))
    .addColumn('submitted_at', t.timestamp, (c) => c.notNull())
    // Once per person: the database refuses a second response even when two arrive at the same moment.
    .addUniqueConstraint('learning_survey_responses_once', ['survey_id', 'user_id'])
    .execute();
  await db.schema.createIndex('learning_survey_responses_scope').on('learning_survey_responses').columns(['survey_id', 'respondent_path']).execute();

  // One row per chosen option, or one row with the text of a free-text answer.
  await db.schema.createTable('learning_survey_answers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('response_id', 'text', (c) => c.notNull().references('learning_survey_responses.id'))
    .addColumn('survey_id', 'text', (c) => c.notNull().references('learning_surveys.id'))
    .addColumn('question_id', 'text', (c) => c.notNull().references('learning_survey_questions.id'))
    .addColumn('option_id', 'text', (c) => c.references('learning_survey_options.id'))
    .addColumn('text', 'text')
    .execute();
  await db.schema.createIndex('learning_survey_answers_response').on('learning_survey_answers').column('response_id').execute();
  await db.schema.createIndex('learning_survey_answers_question').on('learning_survey_answers').columns(['survey_id', 'question_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['learning_survey_answers', 'learning_survey_responses', 'learning_survey_options',
    'learning_survey_questions', 'learning_survey_villages', 'learning_surveys']) {
    await db.schema.dropTable(table).execute();
  }
}
