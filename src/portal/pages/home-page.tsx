import { h, type SafeHtml } from '../jsx.js';
import { Layout, type PageContext } from '../layout.js';

export interface TownRow { name: string; villages: number; institutions: number; center: string | null }
export interface NetworkSummary { towns: TownRow[]; villageCount: number; institutionCount: number }

/** `sections`: blocks supplied by installed modules (latest notices and documents, popular documents, jobs). */
export function HomePage(props: { ctx: PageContext; network: NetworkSummary; sections?: SafeHtml[] }) {
  const { ctx, network } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('home.title')} description={t('home.hero.text')}>
      <section class="panel hero" aria-labelledby="hero-title">
        <h1 id="hero-title">{t('home.hero.title', { city: ctx.cityName })}</h1>
        <p>{t('home.hero.text')}</p>
        <div class="actions">
          {ctx.user
            ? <a class="btn" href="/account">{t('home.hero.account')}</a>
            : [<a class="btn" href="/register">{t('home.hero.register')}</a>, <a class="btn secondary" href="/login">{t('account.login')}</a>]}
        </div>
      </section>
      {props.sections && props.sections.length > 0 ? <div class="home-sections">{props.sections}</div> : null}
      <div class="grid two">
        <section class="panel" aria-labelledby="network-title">
          <h2 id="network-title">{t('home.network.title')}</h2>
          <p>{t('home.network.summary', { city: ctx.cityName, towns: network.towns.length, villages: network.villageCount, institutions: network.institutionCount })}</p>
          <div class="table-scroll">
            <table class="data responsive">
              <thead>
                <tr>
                  <th scope="col">{t('home.network.column.town')}</th>
                  <th scope="col">{t('home.network.column.center')}</th>
                  <th scope="col">{t('home.network.column.villages')}</th>
                  <th scope="col">{t('home.network.column.institutions')}</th>
                </tr>
              </thead>
              <tbody>
                {network.towns.map((town) => (
                  <tr>
                    <th scope="row">{town.name}</th>
                    <td data-label={t('home.network.column.center')}>{town.center ?? '—'}</td>
                    <td data-label={t('home.network.column.villages')}>{town.villages}</td>
                    <td data-label={t('home.network.column.institutions')}>{town.institutions}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
        <section class="panel" aria-labelledby="care-title">
          <h2 id="care-title">{t('home.care.title')}</h2>
          <p>{t('home.care.text')}</p>
        </section>
      </div>
    </Layout>
  );
}
