import { Fragment, h, raw, type SafeHtml } from './jsx.js';
import type { Locale } from '../core/i18n/i18n.js';
import type { PortalT } from './i18n/portal-i18n.js';
import { absoluteUrl, breadcrumbListLd, jsonLdScript, type Crumb } from './seo.js';

export type { Crumb } from './seo.js';

export interface NavLink { id: string; label: string; href: string }

export interface PageContext {
  t: PortalT;
  locale: Locale;
  care: boolean;
  path: string;
  nav: NavLink[];
  cityName: string;
  user: { displayName: string; kind: 'staff' | 'resident' } | null;
  /** The token forms on this page must echo: the session's, or the anonymous double-submit token on form pages ('' elsewhere). */
  csrfToken: string;
  assetVersion: string;
  /** The public base URL (config PUBLIC_BASE_URL, no trailing slash): canonical links, feeds, QR codes. */
  baseUrl: string;
  /** Host name of the base URL, for the SiteDomain meta tag. */
  siteDomain: string;
}

/**
 * What a page adds to the shared head. Chinese government sites carry a fixed set of meta tags that their
 * search and statistics systems read (SiteName, SiteDomain, ColumnName, ArticleTitle, PubDate,
 * ContentSource, Keywords, Description); SiteName and SiteDomain come from the context, the rest from here.
 */
export interface PageHead {
  /** Site path of the canonical URL (made absolute with the base URL); defaults to the request path. */
  canonicalPath?: string;
  columnName?: string;
  articleTitle?: string;
  /** 2023-04-23 12:20:07 (China Standard Time). */
  pubDate?: string;
  contentSource?: string;
  keywords?: string;
  /** schema.org objects (see seo.ts); a breadcrumb adds its BreadcrumbList itself. */
  jsonLd?: object[];
  /** An RSS feed of this page's column. */
  rss?: { title: string; href: string };
  /** Pages that must not be indexed (errors, filtered listings). */
  noindex?: boolean;
}

/** 当前位置: 站名 > 栏目 > 正文 — the last crumb is the current page (no link). */
export function Breadcrumb(props: { ctx: PageContext; trail: Crumb[] }): SafeHtml {
  const { ctx, trail } = props;
  return (
    <nav class="breadcrumb" aria-label={ctx.t('breadcrumb.label')}>
      <span class="breadcrumb-lead">{ctx.t('breadcrumb.lead')}</span>
      <ol>
        {trail.map((c, i) => (
          <li>{c.href && i < trail.length - 1 ? <a href={c.href}>{c.label}</a> : <span aria-current={i === trail.length - 1 ? 'page' : null}>{c.label}</span>}</li>
        ))}
      </ol>
    </nav>
  );
}

/** The GET search form in the header of every page (the search page itself belongs to the content module). */
function SearchBox(props: { ctx: PageContext }) {
  const { t } = props.ctx;
  return (
    <form class="sitesearch" role="search" method="get" action="/search">
      <label htmlFor="site-search">{t('search.label')}</label>
      <div class="sitesearch-row">
        <input id="site-search" name="q" type="search" maxlength="100" placeholder={t('search.placeholder')} autocomplete="off" />
        <button class="btn" type="submit">{t('search.submit')}</button>
      </div>
    </form>
  );
}

export function CsrfField(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

function isCurrent(path: string, href: string): boolean {
  return href === '/' ? path === '/' : path === href || path.startsWith(href + '/');
}

/**
 * A tool-bar label that a phone shortens (朗读正文 → 朗读): the full text stays the accessible name, so the
 * visible short text is always part of it (WCAG 2.5.3, label in name).
 */
function Short(props: { full: string; short: string }): SafeHtml {
  return (
    <Fragment>
      <span class="label-full">{props.full}</span>
      <span class="label-short" aria-hidden="true">{props.short}</span>
    </Fragment>
  );
}

/** Log in and sign up, or the account (我的账户 on a phone, where the greeting has no room) and log out. */
function AccountLinks(props: { ctx: PageContext }): SafeHtml {
  const { ctx } = props;
  const { t } = ctx;
  if (ctx.user) {
    return (
      <Fragment>
        <a class="linklike" href="/account">
          <span class="label-wide">{t('account.greeting', { name: ctx.user.displayName })}</span>
          <span class="label-narrow">{t('account.mine')}</span>
        </a>
        <form method="post" action="/logout"><input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <button class="linklike" type="submit"><Short full={t('account.logout')} short={t('account.logout_short')} /></button>
        </form>
      </Fragment>
    );
  }
  return (
    <Fragment>
      {/* Back to this page after logging in (the login page accepts only same-site paths). */}
      <a class="linklike" href={ctx.path === '/' ? '/login' : `/login?back=${encodeURIComponent(ctx.path)}`}>{t('account.login')}</a>
      <a class="linklike" href="/register">{t('account.register')}</a>
    </Fragment>
  );
}

/**
 * The main navigation: a full bar on wide screens; on a phone a 菜单 button that opens it. A <details> element
 * opens without JavaScript; portal.css shows it as a bar on wide screens and portal.js adds Esc and aria-expanded.
 */
function NavMenu(props: { ctx: PageContext }): SafeHtml {
  const { ctx } = props;
  const { t } = ctx;
  // The most specific section holding this page, if one does (a login page is in none).
  const current = ctx.nav.filter((item) => isCurrent(ctx.path, item.href)).sort((a, b) => b.href.length - a.href.length)[0];
  return (
    <div class="navbar">
      <div class="wrap">
        <details class="navmenu" id="navmenu">
          <summary class="menu-toggle">
            <span class="menu-icon" aria-hidden="true"></span>
            <span class="menu-word">{t('nav.menu')}</span>
            {current ? <span class="menu-current">{t('nav.current', { section: current.label })}</span> : null}
          </summary>
          <nav class="mainnav" aria-label={t('nav.label')}>
            <ul>
              {ctx.nav.map((item) => (
                <li><a href={item.href} aria-current={item === current ? 'page' : null}>{item.label}</a></li>
              ))}
            </ul>
          </nav>
        </details>
      </div>
    </div>
  );
}

/** The page shell: skip link, tool bar (care mode, read aloud, language, account), masthead, navigation, footer. */
export function Layout(props: {
  ctx: PageContext; title: string; description?: string; head?: PageHead;
  /** Site name first: [{label: 站名, href: '/'}, {label: 栏目, href}, {label: 正文}]. */
  breadcrumb?: Crumb[]; children?: unknown;
}): SafeHtml {
  const { ctx } = props;
  const { t } = ctx;
  const head = props.head ?? {};
  const siteTitle = t('site.title', { city: ctx.cityName });
  const body = (
    <body>
      <a class="skip-link" href="#main">{t('site.skip')}</a>
      <div class="topbar">
        <div class="wrap">
          <a class="linklike" href={`/care-mode?on=${ctx.care ? '0' : '1'}&back=${encodeURIComponent(ctx.path)}`} title={ctx.care ? t('care.switch_off') : t('care.switch_on')}>
            {ctx.care ? t('care.off') : t('care.on')}
          </a>
          <button class="linklike" type="button" id="read-aloud" hidden><Short full={t('read.start')} short={t('read.start_short')} /></button>
          <button class="linklike" type="button" id="read-stop" hidden><Short full={t('read.stop')} short={t('read.stop_short')} /></button>
          <a class="linklike" href={`/lang/${ctx.locale === 'en' ? 'zh-CN' : 'en'}?back=${encodeURIComponent(ctx.path)}`} lang={ctx.locale === 'en' ? 'zh-CN' : 'en'}>{t('lang.switch')}</a>
          <AccountLinks ctx={ctx} />
        </div>
      </div>
      <header class="masthead">
        <div class="wrap">
          <a class="brand" href="/">
            <strong>{siteTitle}</strong>
            <span>{t('site.tagline')}</span>
          </a>
          <SearchBox ctx={ctx} />
        </div>
      </header>
      <NavMenu ctx={ctx} />
      <main id="main" tabindex="-1">
        <div class="wrap">
          {props.breadcrumb ? <Breadcrumb ctx={ctx} trail={props.breadcrumb} /> : null}
          {props.children as SafeHtml}
        </div>
      </main>
      <footer>
        <div class="wrap">
          <ul>
            <li><a href="/help">{t('site.footer.help')}</a></li>
            <li><a href="/privacy">{t('site.footer.privacy')}</a></li>
            <li><a href="/admin/">{t('site.footer.admin')}</a></li>
          </ul>
          <p>{t('site.footer.org', { city: ctx.cityName })}</p>
          <p>{t('site.footer.accessibility')}</p>
        </div>
      </footer>
      <script src={`/assets/portal.js?v=${ctx.assetVersion}`} defer></script>
    </body>
  );
  const meta = (name: string, content: string | undefined) => (content ? <meta name={name} content={content} /> : null);
  const jsonLd = [...(head.jsonLd ?? []), ...(props.breadcrumb ? [breadcrumbListLd(ctx.baseUrl, props.breadcrumb)] : [])];
  const headHtml = (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{`${props.title} - ${siteTitle}`}</title>
      {meta('Description', props.description)}
      <link rel="canonical" href={absoluteUrl(ctx.baseUrl, head.canonicalPath ?? ctx.path)} />
      {head.noindex ? <meta name="robots" content="noindex" /> : null}
      <meta name="SiteName" content={siteTitle} />
      <meta name="SiteDomain" content={ctx.siteDomain} />
      {meta('ColumnName', head.columnName)}
      {meta('ArticleTitle', head.articleTitle)}
      {meta('PubDate', head.pubDate)}
      {meta('ContentSource', head.contentSource)}
      {meta('Keywords', head.keywords)}
      {head.rss ? <link rel="alternate" type="application/rss+xml" title={head.rss.title} href={head.rss.href} /> : null}
      <link rel="stylesheet" href={`/assets/portal.css?v=${ctx.assetVersion}`} />
      {jsonLd.map((d) => jsonLdScript(d))}
    </head>
  );
  return raw(`<!doctype html><html lang="${ctx.locale}"${ctx.care ? ' class="care"' : ''}>${headHtml.html}${body.html}</html>`);
}

export function FormErrors(props: { ctx: PageContext; errors: string[] }) {
  if (props.errors.length === 0) return null;
  return (
    <div class="alert error" role="alert" tabindex="-1" id="form-errors">
      <strong>{props.ctx.t('form.errors_title')}</strong>
      <ul>{props.errors.map((e) => <li>{e}</li>)}</ul>
    </div>
  );
}

export function Field(props: { name: string; label: string; type?: string; value?: string; hint?: string; error?: string; autocomplete?: string; required?: boolean; inputmode?: string }) {
  const hintId = props.hint ? `${props.name}-hint` : null;
  const errorId = props.error ? `${props.name}-error` : null;
  return (
    <div class="field">
      <label htmlFor={props.name}>{props.label}</label>
      <input id={props.name} name={props.name} type={props.type ?? 'text'} value={props.value ?? null}
        autocomplete={props.autocomplete ?? null} required={props.required ?? false} inputmode={props.inputmode ?? null}
        aria-invalid={props.error ? 'true' : null} aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || null} />
      {props.hint ? <p class="hint" id={hintId}>{props.hint}</p> : null}
      {props.error ? <p class="error" id={errorId}>{props.error}</p> : null}
    </div>
  );
}
