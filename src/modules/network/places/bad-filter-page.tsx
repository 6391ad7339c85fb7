import { h } from '../../../portal/jsx.js';
import { Layout, type PageContext } from '../../../portal/layout.js';
import { placesT } from './i18n/places-i18n.js';

/** 400 for a places address whose filter cannot mean anything (an unknown town, a malformed value). */
export function BadFilterPage(props: { ctx: PageContext }) {
  const { ctx } = props;
  const t = placesT(ctx.locale);
  return (
    <Layout ctx={ctx} title={ctx.t('error.title')} head={{ noindex: true }}>
      <section class="panel">
        <h1>{ctx.t('error.title')}</h1>
        <p>{t('places.bad_filter')}</p>
        <p><a class="btn" href="/places">{t('places.title')}</a></p>
      </section>
    </Layout>
  );
}
