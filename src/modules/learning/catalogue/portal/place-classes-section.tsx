import type { CoreContext } from '../../../../core/context.js';
import { h } from '../../../../portal/jsx.js';
import { placePageSections } from '../../../../portal/place-sections.js';
import { listOpenClassesOfInstitution } from '../institution-classes.js';
import { classesT } from './i18n/classes-i18n.js';

/** The open classes of an institution on its public learning-place page, in the class list's wording. */
export function registerPlaceClassesSection(core: CoreContext) {
  placePageSections.register(core, {
    id: 'learning.classes',
    order: 10,
    async render(place, { ctx }) {
      const t = classesT(ctx.locale);
      const items = await listOpenClassesOfInstitution(core, place.institutionId, ctx.locale);
      return (
        <section aria-labelledby="place-classes">
          <h2 id="place-classes">{t('place.classes')}</h2>
          {items.length === 0 ? <p class="muted">{t('place.no_classes')}</p> : (
            <ul class="item-list">{items.map((c) => (
              <li>
                <a href={c.href}>{c.title}</a>
                <span class="muted">{c.categoryLabel}</span>
                <p>{c.schedule} · {c.dates}</p>
                <p><strong>{c.seats}</strong> · {c.fee} · {c.eligibility}</p>
              </li>
            ))}</ul>
          )}
        </section>
      );
    },
  });
}
