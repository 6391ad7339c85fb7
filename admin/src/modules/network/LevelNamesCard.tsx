import { Alert, App, Button, Card, Flex, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../core/api/ApiError';
import { applyFieldErrors } from '../../core/api/fieldErrors';
import { useProblemText } from '../../core/api/useProblemText';
import { useLang, useT } from '../../core/i18n/useT';
import { standardsApi } from './standardsApi';
import type { AccreditationLevel } from './types';

type Names = Record<string, { nameZh: string; nameEn: string }>;

/**
 * 评定等级名称: the accreditation levels' names in both languages (ids and ranks are fixed; standards key on
 * them). Each changed level is saved with its own PATCH.
 */
export function LevelNamesCard({ levels, onSaved }: { levels: readonly AccreditationLevel[]; onSaved: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const [form] = Form.useForm<Names>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    form.setFieldsValue(Object.fromEntries(levels.map((l) => [l.id, { nameZh: l.nameZh, nameEn: l.nameEn }])));
  }, [form, levels]);

  const save = async (values: Names) => {
    setSaving(true);
    setError(null);
    let changed = 0;
    try {
      for (const level of levels) {
        const next = values[level.id];
        if (!next || (next.nameZh.trim() === level.nameZh && next.nameEn.trim() === level.nameEn)) continue;
        try {
          await standardsApi.renameLevel(level.id, { nameZh: next.nameZh.trim(), nameEn: next.nameEn.trim() });
          changed += 1;
        } catch (failure) {
          // The server names `nameZh` / `nameEn`: put them on this level's inputs.
          const { unmatched } = applyFieldErrors(form, prefixed(failure, level.id), lang, levels.map((l) => l.id));
          setError([problemText(failure, false), ...unmatched].join(' '));
          return;
        }
      }
      message.success(changed > 0 ? t('common.saved') : t('network.indicators.nothingChanged'));
      if (changed > 0) onSaved();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card size="small" title={t('network.levels.title')} data-testid="level-names">
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} name="levelNames" layout="vertical" onFinish={(v) => void save(v)}>
        {levels.map((level) => (
          <Flex key={level.id} gap={12} wrap>
            <Form.Item name={[level.id, 'nameZh']} label={t('network.levels.nameZh', { rank: level.rank })} rules={[{ required: true, whitespace: true, max: 20 }]}
              style={{ flex: '1 1 160px' }}>
              <Input data-testid={`level-zh-${level.id}`} />
            </Form.Item>
            <Form.Item name={[level.id, 'nameEn']} label={t('network.levels.nameEn', { rank: level.rank })} rules={[{ required: true, whitespace: true, max: 40 }]}
              style={{ flex: '1 1 160px' }}>
              <Input data-testid={`level-en-${level.id}`} />
            </Form.Item>
          </Flex>
        ))}
        <Button type="primary" htmlType="submit" loading={saving} data-testid="levels-save">{t('common.save')}</Button>
      </Form>
    </Card>
  );
}

/** `nameZh` → `<levelId>.nameZh`, so a server field error lands on that level's input. */
function prefixed(error: unknown, levelId: string): unknown {
  if (!(error instanceof ApiError) || !error.problem?.errors?.length) return error;
  const errors = error.problem.errors.map((e) => ({ ...e, field: `${levelId}.${(e.field ?? '').replace(/^\/+/, '')}` }));
  return new ApiError(error.status, { ...error.problem, errors }, error.message);
}
