import { h } from '../jsx.js';
import { Layout, type PageContext } from '../layout.js';
import type { TextDocument } from '../content/text-documents.js';

/** A plain page of headed sections (help, privacy policy). */
export function TextPage(props: { ctx: PageContext; doc: TextDocument; status?: number }) {
  const { ctx, doc } = props;
  return (
    <Layout ctx={ctx} title={doc.title}>
      <article class="panel">
        <h1>{doc.title}</h1>
        {doc.sections.map((s) => [
          s.heading ? <h2>{s.heading}</h2> : null,
          s.paragraphs.map((p) => <p>{p}</p>),
        ])}
      </article>
    </Layout>
  );
}

export function NotFoundPage(props: { ctx: PageContext }) {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={ctx.t('error.title')}>
      <section class="panel">
        <h1>{ctx.t('error.title')}</h1>
        <p>{ctx.t('error.not_found')}</p>
        <p><a class="btn" href="/">{ctx.t('error.back_home')}</a></p>
      </section>
    </Layout>
  );
}
