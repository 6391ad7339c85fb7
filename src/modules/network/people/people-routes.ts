import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { scopePathsFor } from '../../../core/access/scope.js';
import { invalidField } from '../../../core/http/errors.js';
import { pageOf, pageParams } from '../../../core/http/pagination.js';
import { actorContext } from '../../../core/http/request-context.js';
import { IdParams, ProblemRefs } from '../../../core/http/route-schemas.js';
import { validateIdNumber } from '../../../core/pii/id-number.js';
import { MOBILE_PATTERN, normalizePhone } from '../../../core/users/user-fields.js';
import { createPerson } from './commands/create-person.js';
import { markPersonLeft } from './commands/mark-left.js';
import { revealIdNumber } from './commands/reveal-id-number.js';
import { revealOwnRecords } from './commands/reveal-own-records.js';
import { updatePerson } from './commands/update-person.js';
import { presentPerson } from './people-presenter.js';
import { listPeople, loadVisiblePerson } from './people-repository.js';
import { peopleDb } from './people-schema.js';
import { CreatePersonBody, LeaveBody, OwnPersonSchema, PeopleListQuery, PersonSchema, UpdatePersonBody } from './people-schemas.js';

const BASE = '/api/v1/network/people';

/** Staff and teachers of network institutions: scoped lists and records, with phone and ID number always masked. */
export const peopleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.core;
  const db = peopleDb(core);

  async function present(request: Parameters<typeof actorContext>[0], id: string) {
    const row = await loadVisiblePerson(db, actorContext(request).actor, id, 'network.staff.read');
    return presentPerson(core.fieldCrypto, row);
  }

  /** A search box holding a whole phone or ID number finds the person by its look-up hash (never by plaintext). */
  function hashesFor(q: string | undefined): string[] {
    if (!q) return [];
    const hashes: string[] = [];
    const phone = normalizePhone(q);
    if (MOBILE_PATTERN.test(phone)) hashes.push(core.fieldCrypto.lookupHash(phone));
    const id = validateIdNumber(q, core.clock.now());
    if (id.ok) hashes.push(core.fieldCrypto.lookupHash(id.value));
    return hashes;
  }

  app.get(BASE, {
    config: { access: 'network.staff.read' },
    schema: { tags: ['network'], summary: 'Staff and teachers in the caller\'s scope', querystring: PeopleListQuery,
      response: { 200: pageOf(PersonSchema), ...ProblemRefs(400, 401, 403) } },
  }, async (request) => {
    const { actor } = actorContext(request);
    const query = request.query;
    const page = pageParams(query);
    let regionPath: string | undefined;
    if (query.townId) {
      const region = await db.selectFrom('regions').select('path').where('id', '=', query.townId).executeTakeFirst();
      if (!region) throw invalidField('townId', 'network.people.town_unknown', 'unknown');
      regionPath = region.path;
    }
    const { rows, total } = await listPeople(db, {
      // The caller's scope always applies; filters can only narrow it (a town filter for another town gives nothing).
      scopePaths: scopePathsFor(actor, 'network.staff.read'),
      institutionId: query.institutionId, regionPath, employment: query.employment, status: query.status,
      q: query.q, qHashes: hashesFor(query.q?.trim()),
    }, page);
    return { items: rows.map((row) => presentPerson(core.fieldCrypto, row)), total, page: page.page, pageSize: page.pageSize };
  });

  app.post(`${BASE}/reveal-own`, {
    config: { access: 'authenticated', revealsPersonalData: true },
    schema: { tags: ['network'], summary: 'The caller\'s own staff records, with their own phone and ID number in full (audited)',
      body: Type.Object({}, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(OwnPersonSchema) }), ...ProblemRefs(400, 401) } },
  }, async (request) => ({ items: await revealOwnRecords(core, actorContext(request)) }));

  app.get(`${BASE}/:id`, {
    config: { access: 'network.staff.read' },
    schema: { tags: ['network'], params: IdParams, response: { 200: PersonSchema, ...ProblemRefs(401, 403, 404) } },
  }, async (request) => present(request, request.params.id));

  app.post(BASE, {
    config: { access: 'network.staff.manage' },
    schema: { tags: ['network'], summary: 'Record a staff member or teacher', body: CreatePersonBody,
      response: { 201: PersonSchema, ...ProblemRefs(400, 401, 403) } },
  }, async (request, reply) => {
    const id = await createPerson(core, actorContext(request), request.body);
    return reply.code(201).send(await present(request, id));
  });

  app.patch(`${BASE}/:id`, {
    config: { access: 'network.staff.manage' },
    schema: { tags: ['network'], params: IdParams, body: UpdatePersonBody,
      response: { 200: PersonSchema, ...ProblemRefs(400, 401, 403, 404, 409) } },
  }, async (request) => {
    await updatePerson(core, actorContext(request), request.params.id, request.body);
    return present(request, request.params.id);
  });

  app.post(`${BASE}/:id/leave`, {
    config: { access: 'network.staff.manage' },
    schema: { tags: ['network'], summary: 'Mark a person as having left (kept in history)', params: IdParams, body: LeaveBody,
      response: { 200: PersonSchema, ...ProblemRefs(400, 401, 403, 404, 409) } },
  }, async (request) => {
    await markPersonLeft(core, actorContext(request), request.params.id, request.body.version);
    return present(request, request.params.id);
  });

  app.post(`${BASE}/:id/reveal`, {
    config: { access: 'network.staff.reveal_id', revealsPersonalData: true },
    schema: { tags: ['network'], summary: 'Show a person\'s full ID number (audited)', params: IdParams,
      response: { 200: Type.Object({ idNumber: Type.Union([Type.String(), Type.Null()]) }), ...ProblemRefs(401, 403, 404) } },
  }, async (request) => revealIdNumber(core, actorContext(request), request.params.id));
};
