import { Descriptions, Empty, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { TFunction } from '../../core/i18n/I18nProvider';
import { isMessageKey } from '../../core/i18n/catalogs';
import { useT } from '../../core/i18n/useT';
import type { DiffResult, DiffSegment } from './types';

const changed = (segments: readonly DiffSegment[]) => segments.some((s) => s.type !== 'unchanged');

function Segments({ segments }: { segments: readonly DiffSegment[] }) {
  return (
    <div className="lc-diff">
      {segments.map((segment, index) =>
        segment.type === 'added' ? (
          <ins key={index} data-testid="diff-added">
            {segment.text}
          </ins>
        ) : segment.type === 'removed' ? (
          <del key={index} data-testid="diff-removed">
            {segment.text}
          </del>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </div>
  );
}

/** `official.docNumber` → the form's label for it, when the catalog has one. */
function fieldLabel(t: TFunction, field: string): string {
  const key = field.startsWith('official.') ? `content.official.${field.slice(9)}` : `content.field.${field}`;
  return isMessageKey(key) ? t(key) : field;
}

function valueText(value: unknown): ReactNode {
  if (value === null || value === undefined || value === '') return <Typography.Text type="secondary">—</Typography.Text>;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * The difference between two revisions: title, summary and body text as runs (added green, removed red and
 * struck through), then the other fields that changed, old → new.
 */
export function DiffView({ diff }: { diff: DiffResult }) {
  const t = useT();
  const texts = [
    { key: 'title', label: t('content.field.title'), segments: diff.title },
    { key: 'summary', label: t('content.field.summary'), segments: diff.summary },
    { key: 'body', label: t('content.field.body'), segments: diff.body },
  ].filter((part) => changed(part.segments));
  if (texts.length === 0 && diff.fields.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('content.diff.same')} />;
  return (
    <div data-testid="diff-view">
      {texts.map((part) => (
        <section key={part.key} style={{ marginBottom: 12 }}>
          <Typography.Text strong>{part.label}</Typography.Text>
          <Segments segments={part.segments} />
        </section>
      ))}
      {diff.fields.length > 0 ? (
        <Descriptions size="small" column={1} bordered title={t('content.diff.otherFields')}>
          {diff.fields.map((f) => (
            <Descriptions.Item key={f.field} label={fieldLabel(t, f.field)}>
              <span className="lc-diff-inline">
                <del>{valueText(f.from)}</del> → <ins>{valueText(f.to)}</ins>
              </span>
            </Descriptions.Item>
          ))}
        </Descriptions>
      ) : null}
    </div>
  );
}
