import { h } from '../../../portal/jsx.js';
import type { PageContext } from '../../../portal/layout.js';
import type { CoreContext } from '../../../core/context.js';
import { contentVersion } from '../content-version.js';
import { shanghaiDate } from '../items/shanghai-date.js';
import { categoryTree } from './category-tree.js';
import { pagesT } from './i18n/pages-i18n.js';
import { currentJobs, listPublishedIn, popularItems } from './page-queries.js';
import { ItemList, zhDate } from './page-parts.js';

const HOME_LIST_SIZE = 8;

function Block(props: { id: string; title: string; more?: string; moreLabel: string; children?: unknown }) {
  return (
    <section class="panel home-block" aria-labelledby={props.id}>
      <div class="list-head">
        <h2 id={props.id}>{props.title}</h2>
        {props.more ? <a class="more" href={props.more} aria-label={`${props.moreLabel}：${props.title}`}>{props.moreLabel}</a> : null}
      </div>
      {props.children}
    </section>
  );
}

/**
 * The home page's content blocks, all from the database: latest notices, latest official documents, the most
 * read items (honest view counts), and job postings that are published and still valid today.
 */
export function contentHomeSection(core: CoreContext) {
  return {
    id: 'content',
    order: 10,
    // Keyed on the content version and the day (postings leave the list after their last day).
    version: async () => `${await contentVersion(core)}|${shanghaiDate(core.clock.now())}`,
    async render(ctx: PageContext) {
      const pt = pagesT(ctx.locale);
      const tree = await categoryTree(core);
      const subtree = (id: string) => {
        const c = tree.byId.get(id);
        return c ? tree.subtreeIds(c) : [];
      };
      const [notices, documents, popular, jobs] = await Promise.all([
        listPublishedIn(core, subtree('notices'), 0, HOME_LIST_SIZE),
        listPublishedIn(core, subtree('documents'), 0, HOME_LIST_SIZE),
        popularItems(core, HOME_LIST_SIZE),
        currentJobs(core, shanghaiDate(core.clock.now()), HOME_LIST_SIZE),
      ]);
      return (
        <div class="grid four">
          <Block id="home-notices" title={pt('home.notices')} more={tree.byId.has('notices') ? '/c/notices' : undefined} moreLabel={pt('home.more')}>
            <ItemList items={notices} empty={pt('home.empty')} />
          </Block>
          <Block id="home-documents" title={pt('home.documents')} more={tree.byId.has('documents') ? '/c/documents' : undefined} moreLabel={pt('home.more')}>
            <ItemList items={documents} empty={pt('home.empty')} />
          </Block>
          <Block id="home-popular" title={pt('home.popular')} moreLabel={pt('home.more')}>
            <ItemList items={popular} empty={pt('home.empty')} dates={false} />
          </Block>
          <Block id="home-jobs" title={pt('home.jobs')} more="/jobs" moreLabel={pt('home.more')}>
            {jobs.length === 0
              ? <p class="muted">{pt('home.empty')}</p>
              : (
                <ul class="item-list">
                  {jobs.map((j) => (
                    <li>
                      <a href={`/jobs/${encodeURIComponent(j.id)}`}>{j.position}</a>
                      <span class="muted">{pt('home.job.line', { employer: j.employer_name, headcount: j.headcount })}</span>
                      {j.published_at ? <time datetime={j.published_at}>{zhDate(j.published_at)}</time> : null}
                    </li>
                  ))}
                </ul>
              )}
          </Block>
        </div>
      );
    },
  };
}
