import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { actorContext } from '../http/request-context.js';
import { ProblemRefs } from '../http/route-schemas.js';
import { loadOwnProfile, updateOwnProfile } from './commands/own-profile.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

const OwnProfileSchema = Type.Object({
  realName: Nullable(Type.String()),
  idNumber: Nullable(Type.String({ description: 'masked by the server, e.g. 321***********1234' })),
  birthDate: Nullable(Type.String({ description: 'YYYY-MM-DD' })),
  birthDateFromIdNumber: Type.Boolean(),
  homeTownId: Nullable(Type.String()),
  homeTownName: Nullable(Type.String()),
  homeVillageId: Nullable(Type.String()),
  homeVillageName: Nullable(Type.String()),
  homeEditable: Type.Boolean(),
});

/** Fields left out stay as they are; null or '' clears one. */
const ProfileBody = Type.Object({
  realName: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
  idNumber: Type.Optional(Nullable(Type.String({ maxLength: 30, description: 'write-only (GB 11643); needs currentPassword' }))),
  birthDate: Type.Optional(Nullable(Type.String({ maxLength: 10, description: 'YYYY-MM-DD, only without an ID number' }))),
  homeTownId: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
  homeVillageId: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
  currentPassword: Type.Optional(Type.String({ maxLength: 256 })),
  sensitivePiConsent: Type.Optional(Type.Boolean({ description: 'the separate consent to process the ID number; needed when giving one without it' })),
}, { additionalProperties: false });

/** Everyone signed in reads and edits their own profile: real name, ID number, birth date, home town and village. */
export const profileRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.core;

  app.get('/api/v1/auth/profile', {
    config: { access: 'authenticated' },
    schema: { tags: ['auth'], summary: 'My profile (ID number masked)', response: { 200: OwnProfileSchema, ...ProblemRefs(401, 403) } },
  }, async (request) => loadOwnProfile(core, actorContext(request).actor));

  app.put('/api/v1/auth/profile', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['auth'], summary: 'Change my profile (changing the ID number needs the current password)',
      body: ProfileBody,
      response: { 200: OwnProfileSchema, ...ProblemRefs(400, 401, 403, 409) },
    },
  }, async (request) => updateOwnProfile(core, actorContext(request), request.body));
};
