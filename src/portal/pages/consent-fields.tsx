import { h } from '../jsx.js';
import type { PageContext } from '../layout.js';
import { t as coreT } from '../../core/i18n/i18n.js';
import type { ConsentMessageId } from '../../core/consent/i18n/zh-CN.js';
import '../../core/consent/i18n/messages.js';

/** Consent texts live with core/consent (server messages), read in the page's language. */
export function consentT(ctx: PageContext) {
  return (id: ConsentMessageId, params?: Record<string, string | number>) => coreT(ctx.locale, id, params);
}

/** An opt-in box: always rendered unticked, so every consent is an act of the person who submits the form. */
export function CheckField(props: { name: string; label: string; hint?: string; error?: string }) {
  const hintId = props.hint ? `${props.name}-hint` : null;
  const errorId = props.error ? `${props.name}-error` : null;
  return (
    <div class="field">
      <label class="check" htmlFor={props.name}>
        <input type="checkbox" id={props.name} name={props.name} value="1"
          aria-invalid={props.error ? 'true' : null} aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || null} />
        <span>{props.label}</span>
      </label>
      {props.hint ? <p class="hint" id={hintId}>{props.hint}</p> : null}
      {props.error ? <p class="error" id={errorId}>{props.error}</p> : null}
    </div>
  );
}
