import { h } from '../../../portal/jsx.js';
import { Layout, type PageContext } from '../../../portal/layout.js';

/** 400 for a portal address that cannot mean anything (a page number that is not a number, a filter value out of range). */
export function BadRequestPage(props: { ctx: PageContext; detail?: string }) {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={ctx.t('error.title')} head={{ noindex: true }}>
      <section class="panel">
        <h1>{ctx.t('error.title')}</h1>
        <p>{ctx.t('error.bad_request')}</p>
        {props.detail ? <p>{props.detail}</p> : null}
        <p><a class="btn" href="/">{ctx.t('error.back_home')}</a></p>
      </section>
    </Layout>
  );
}
