import { h } from '../jsx.js';
import { CsrfField, FormErrors, Layout, type PageContext } from '../layout.js';
import { t as coreT } from '../../core/i18n/i18n.js';
import { formatZhDateTime } from '../../core/time.js';
import type { NotificationsMessageId } from '../../core/notifications/i18n/zh-CN.js';

export interface MessageView { id: string; title: string; body: string; link: string | null; createdAt: string; read: boolean }

/**
 * `/account/messages`: the signed-in user's messages, newest first. Unread ones are bold and say so in words (not
 * by colour alone); each has a plain POST form to mark it read, so the page needs no JavaScript.
 */
export function MessagesPage(props: { ctx: PageContext; messages: MessageView[]; unread: number; page: number; pages: number; errors?: string[] }) {
  const { ctx, messages, unread, page, pages } = props;
  const m = (id: NotificationsMessageId, params?: Record<string, string | number>) => coreT(ctx.locale, id, params);
  const title = m('notifications.page.title');
  const pageHref = (p: number) => (p === 1 ? '/account/messages' : `/account/messages?page=${p}`);
  return (
    <Layout ctx={ctx} title={title} head={{ noindex: true }}>
      <section class="panel" aria-labelledby="messages-title">
        <div class="list-head">
          <h1 id="messages-title">{title}</h1>
          <p class="muted" role="status">{m('notifications.page.unread_count', { count: unread })}</p>
        </div>
        <p>{m('notifications.page.intro')}</p>
        <FormErrors ctx={ctx} errors={props.errors ?? []} />
        {unread > 0 ? (
          <form method="post" action="/account/messages/read-all">
            <CsrfField token={ctx.csrfToken} />
            <button class="btn secondary" type="submit">{m('notifications.page.mark_all_read')}</button>
          </form>
        ) : null}
        {messages.length === 0 ? <p>{m('notifications.page.empty')}</p> : (
          <ul class="item-list">
            {messages.map((msg) => (
              <li>
                <div class="message">
                  {msg.read ? <p>{msg.title}</p> : <p><strong>{`[${m('notifications.page.unread')}] `}{msg.title}</strong></p>}
                  <p>{msg.body}</p>
                  {msg.link ? <p><a href={msg.link}>{m('notifications.page.open_link')}</a></p> : null}
                  {/* Not .muted: in .item-list that class never wraps, too wide for a phone in care mode. */}
                  <p><small>{m('notifications.page.received_at')}{ctx.locale === 'en' ? ': ' : '：'}<time datetime={msg.createdAt}>{formatZhDateTime(msg.createdAt)}</time></small></p>
                </div>
                {msg.read ? null : (
                  <form method="post" action={`/account/messages/${msg.id}/read`}>
                    <CsrfField token={ctx.csrfToken} />
                    <input type="hidden" name="page" value={String(page)} />
                    <button class="btn secondary" type="submit">{m('notifications.page.mark_read')}</button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        )}
        {pages > 1 ? (
          <nav class="pager" aria-label={m('notifications.page.page_of', { page, pages })}>
            <ul>
              {page > 1 ? <li><a href={pageHref(page - 1)} rel="prev">{m('notifications.page.prev')}</a></li> : null}
              <li><span class="current" aria-current="page">{m('notifications.page.page_of', { page, pages })}</span></li>
              {page < pages ? <li><a href={pageHref(page + 1)} rel="next">{m('notifications.page.next')}</a></li> : null}
            </ul>
          </nav>
        ) : null}
        <div class="actions"><a class="btn secondary" href="/account">{m('notifications.page.back_to_account')}</a></div>
      </section>
    </Layout>
  );
}
