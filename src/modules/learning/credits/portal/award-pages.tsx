import { h, type SafeHtml } from '../../../../portal/jsx.js';
import type { PageContext } from '../../../../portal/layout.js';
import type { Locale } from '../../../../core/i18n/i18n.js';
import { recordText } from '../../record/record-format.js';
import { PrintSheet } from '../../certificates/portal/print-sheet.js';
import '../../certificates/i18n/messages.js';
import type { AwardView } from '../award-view.js';

type AwardFacts = Pick<AwardView, 'number' | 'holderName' | 'title' | 'category' | 'creditsRequired' | 'credits' | 'issuerName' | 'issuedAt'>;

/** Wording shared by the award's sheet, its verify rows and the holder's list. */
function awardText(locale: Locale) {
  const x = recordText(locale);
  return {
    ...x,
    rule: (a: AwardFacts) => x.L('learning.credit.award.rule_value', { category: x.category(a.category), required: x.num(a.creditsRequired) }),
    issuer: (a: AwardFacts) => x.L('learning.credit.award.issuer', { city: a.issuerName }),
  };
}

/** What a code tells anyone about an award (the name already masked by the caller), for the verify page. */
export function awardFacts(locale: Locale, a: AwardFacts): [string, string][] {
  const x = awardText(locale);
  return [
    [x.L('learning.certificate.number'), a.number], [x.L('learning.certificate.holder'), a.holderName],
    [x.L('learning.credit.award.title'), a.title], [x.L('learning.credit.award.rule'), x.rule(a)],
    [x.L('learning.credit.award.credits'), x.num(a.credits)], [x.L('learning.certificate.institution'), x.issuer(a)],
    [x.L('learning.certificate.date'), x.day(a.issuedAt)],
  ];
}

/** The holder's awards as cards with print and verify links (on /account/certificates, after the class certificates). */
export function AwardList(props: { ctx: PageContext; awards: AwardView[] }): SafeHtml {
  const x = awardText(props.ctx.locale);
  return (
    <section class="panel" aria-labelledby="my-awards">
      <h2 id="my-awards">{x.L('learning.credit.award.mine')}</h2>
      <ol class="item-list cards">
        {props.awards.map((a) => (
          <li>
            <h3>{a.title}</h3>
            <p class="muted">{x.issuer(a)} · {x.L('learning.certificate.number')} <span class="nowrap">{a.number}</span> · {x.day(a.issuedAt)}</p>
            <p>{x.L('learning.credit.award.rule')} {x.rule(a)} · {x.L('learning.credit.award.credits')} {x.num(a.credits)} ·{' '}
              <strong>{x.L('learning.certificate.valid')}</strong></p>
            <div class="actions">
              <a class="btn" href={`/awards/${a.id}/print`}>{x.L('learning.certificate.print')}</a>
              <a class="btn secondary" href={`/verify/${a.code}`}>{x.L('learning.certificate.verify_link')}</a>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** `/awards/<id>/print`: the award on the certificates' A4 sheet — the rule, the credits counted, the city, number, date, QR. */
export function AwardPrintPage(props: { locale: Locale; a: AwardView; qrSvg: string; verifyUrl: string }): SafeHtml {
  const { a, locale } = props;
  const x = awardText(locale);
  return PrintSheet({
    locale, title: `${a.title} ${a.number}`, heading: a.title,
    body: x.L('learning.credit.award.body', { name: a.holderName, date: x.day(a.issuedAt), issuer: x.issuer(a), category: x.category(a.category),
      credits: x.num(a.credits), required: x.num(a.creditsRequired) }),
    facts: [
      [x.L('learning.certificate.holder'), a.holderName], [x.L('learning.credit.award.rule'), x.rule(a)],
      [x.L('learning.credit.award.credits'), x.num(a.credits)], [x.L('learning.certificate.number'), a.number],
    ],
    issuer: x.issuer(a), date: x.day(a.issuedAt), qrSvg: props.qrSvg, verifyUrl: props.verifyUrl,
    scanLabel: x.L('learning.certificate.scan'), back: { href: '/account/certificates', label: x.L('learning.certificate.mine.title') },
  });
}
