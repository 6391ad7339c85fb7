import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { actorContext } from '../../../core/http/request-context.js';
import { ProblemRefs } from '../../../core/http/route-schemas.js';
import { addDictionaryWord, listDictionary, removeDictionaryWord } from './search-dictionary.js';
import { search } from './search-service.js';
import { DictionaryBody, DictionaryWordSchema, SearchQuery, SearchResultSchema, WordParams } from './search-schemas.js';

/** The search API (public, what the search page shows) and the search dictionary (city admins). */
export const searchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.core;

  app.get('/api/v1/search', {
    config: { access: 'public' },
    schema: { tags: ['search'], summary: 'Site search over published documents and job postings', querystring: SearchQuery, response: { 200: SearchResultSchema, ...ProblemRefs(400) } },
  }, async (request) => {
    const { q = '', page = 1, ...filters } = request.query;
    return search(core, { q, page, ...filters });
  });

  app.get('/api/v1/content/dictionary', {
    config: { access: 'content.dictionary.manage' },
    schema: { tags: ['search'], summary: 'The search dictionary: built-in and added words', response: { 200: Type.Object({ items: Type.Array(DictionaryWordSchema) }), ...ProblemRefs(401, 403) } },
  }, async () => ({ items: await listDictionary(core) }));

  app.post('/api/v1/content/dictionary', {
    config: { access: 'content.dictionary.manage' },
    schema: { tags: ['search'], summary: 'Add a word; every process segments with it within seconds', body: DictionaryBody, response: { 201: DictionaryWordSchema, ...ProblemRefs(400, 401, 403, 409) } },
  }, async (request, reply) => reply.code(201).send(await addDictionaryWord(core, actorContext(request), request.body.word)));

  app.delete('/api/v1/content/dictionary/:word', {
    config: { access: 'content.dictionary.manage' },
    schema: { tags: ['search'], summary: 'Remove an added word', params: WordParams, response: { 204: Type.Null(), ...ProblemRefs(401, 403, 404, 409) } },
  }, async (request, reply) => {
    await removeDictionaryWord(core, actorContext(request), request.params.word);
    return reply.code(204).send(null);
  });
};
