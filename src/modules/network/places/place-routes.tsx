import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sendProblem, wantsHtml } from '../../../core/http/problem.js';
import { Type } from '@sinclair/typebox';
import { h } from '../../../portal/jsx.js';
import { createPortalContext, portalAssetVersion } from '../../../portal/portal-context.js';
import { NotFoundPage } from '../../../portal/pages/text-page.js';
import { institutionsDb } from '../institutions/institutions-schema.js';
import { INSTITUTION_KINDS } from '../institutions/institution-kinds.js';
import { BadFilterPage } from './bad-filter-page.js';
import { placePageSections } from '../../../portal/place-sections.js';
import { PlacePage } from './place-page.js';
import { PlacesPage } from './places-page.js';
import { placesHref } from './places-href.js';
import { findPlace, listPlaces, placeRegions, placesStamp, type PlacesFilter } from './places-queries.js';
import { listPhotos, photosStamp } from '../media/media-repository.js';
import { photoUrl } from '../media/media-presenter.js';
import { mediaDb } from '../media/media-schema.js';

const hide = { hide: true };
const PlacesQuery = Type.Object({
  town: Type.Optional(Type.String({ maxLength: 12, pattern: '^([0-9]{12})?$' })),
  village: Type.Optional(Type.String({ maxLength: 12, pattern: '^([0-9]{12})?$' })),
  kind: Type.Optional(Type.Union([Type.Literal(''), ...INSTITUTION_KINDS.map((k) => Type.Literal(k))])),
}, { additionalProperties: true });
const PlaceParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9-]+$' }) });

/**
 * The public learning-places pages: `/places` (every active network institution by town and kind, filtered by
 * town, village and kind) and `/places/<id>`. Anonymous pages come from the portal cache, keyed on a stamp that
 * any institution or accreditation change moves.
 */
export const placeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = institutionsDb(app.core);
  const { pageContext, sendPage, sendPublicPage } = createPortalContext(app, portalAssetVersion());

  // Browsers get the portal's zh-CN pages; other clients the platform's problem+json.
  const badFilter = async (request: FastifyRequest, reply: FastifyReply) => (wantsHtml(request)
    ? sendPage(reply, <BadFilterPage ctx={await pageContext(request, reply)} />, 400)
    : sendProblem(request, reply, 400, 'request.invalid'));

  app.get('/places', { config: { access: 'public' }, attachValidation: true, schema: { ...hide, querystring: PlacesQuery } }, async (request, reply) => {
    if (request.validationError) return badFilter(request, reply);
    const filter: PlacesFilter = { town: request.query.town ?? '', village: request.query.village ?? '', kind: request.query.kind ?? '' };
    const regions = await placeRegions(db);
    const town = filter.town ? regions.byId.get(filter.town) : undefined;
    const village = filter.village ? regions.byId.get(filter.village) : undefined;
    if ((filter.town && town?.level !== 'town') || (filter.village && village?.level !== 'village')) {
      return badFilter(request, reply);
    }
    // A village names its town: send /places?village=x (or a village left over from another town) to the one URL for it.
    if (village && village.parent_id !== filter.town) {
      const canonical = filter.town ? { ...filter, village: '' } : { ...filter, town: village.parent_id ?? '' };
      return reply.redirect(placesHref(canonical), 302);
    }
    const stamp = await placesStamp(db);
    return sendPublicPage(request, reply, async (ctx) => {
      const rows = await listPlaces(db, (village ?? town)?.path, filter.kind || undefined);
      const towns = regions.towns.map((r) => ({ value: r.id, label: r.name }));
      const villages = (town ? regions.villagesOf(town.id).map((v) => ({ value: v.id, label: v.name }))
        : regions.towns.flatMap((tw) => regions.villagesOf(tw.id).map((v) => ({ value: v.id, label: `${tw.name} · ${v.name}` }))));
      return <PlacesPage ctx={ctx} filter={filter} rows={rows} towns={towns} villages={villages} />;
    }, { stamp });
  });

  app.get('/places/:id', { config: { access: 'public' }, attachValidation: true, schema: { ...hide, params: PlaceParams } }, async (request, reply) => {
    const place = request.validationError ? undefined : await findPlace(db, request.params.id);
    if (!place) {
      return wantsHtml(request) ? sendPage(reply, <NotFoundPage ctx={await pageContext(request, reply)} />, 404) : sendProblem(request, reply, 404, 'request.not_found');
    }
    return sendPublicPage(request, reply, async (ctx) => {
      const fresh = await findPlace(db, request.params.id);
      if (!fresh) return <NotFoundPage ctx={ctx} />;
      const photos = (await listPhotos(mediaDb(app.core), fresh.row.id)).map((p) => ({ url: photoUrl(p.institution_id, p.id), caption: p.caption }));
      const sections = await placePageSections.renderAll(app.core, { institutionId: fresh.row.id, name: fresh.row.name }, { ctx });
      return <PlacePage ctx={ctx} row={fresh.row} grantedOn={fresh.grantedOn} members={fresh.members} photos={photos} sections={sections} />;
    }, { stamp: `${await placesStamp(db)}|${await photosStamp(mediaDb(app.core), place.row.id)}` });
  });
};
