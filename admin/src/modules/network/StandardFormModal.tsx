import { App, Checkbox, Col, DatePicker, Flex, Form, Input, InputNumber, Row, Select, Switch, Typography } from 'antd';
import { ModalForm } from '../../core/ui/ModalForm';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { formatDate } from '../../core/format/datetime';
import { useLang, useT } from '../../core/i18n/useT';
import { useFormSubmit } from '../../core/api/useFormSubmit';
import type { Indicator } from './gapTypes';
import { levelName } from './levelName';
import { toFormRowErrors } from './listFieldErrors';
import { thresholdRows, thresholdsBody, type ThresholdRow } from './standardForm';
import { standardsApi } from './standardsApi';
import type { StandardDetail } from './standardsTypes';
import { INSTITUTION_TIERS, type AccreditationLevel, type InstitutionTier } from './types';

const FIELDS = ['tier', 'levelId', 'effectiveFrom', 'note', 'rows'] as const;

interface Values {
  tier: InstitutionTier;
  levelId: string;
  effectiveFrom: Dayjs | null;
  note?: string;
  rows: ThresholdRow[];
}

interface Props {
  /** Tier and level to start from (the row the button was on), or null to choose. */
  start: { tier: InstitutionTier; levelId: string } | null;
  open: boolean;
  indicators: readonly Indicator[];
  levels: readonly AccreditationLevel[];
  onClose: () => void;
  onSaved: (saved: StandardDetail) => void;
}

/** The latest version of a tier and level's standard with its thresholds, or null when there is none yet. */
async function latestVersion(tier: InstitutionTier, levelId: string): Promise<StandardDetail | null> {
  const { items } = await standardsApi.list({ tier, levelId });
  const newest = [...items].sort((a, b) => b.version - a.version)[0];
  return newest ? standardsApi.get(newest.id) : null;
}

/**
 * 新版本: the next version of a tier and level's standard, prefilled from the latest one. Old versions are
 * never rewritten, so past gap reports keep the thresholds they were judged by.
 */
export function StandardFormModal({ start, open, indicators, levels, onClose, onSaved }: Props) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { run, submitting, error, clearError } = useFormSubmit(form, FIELDS);
  const tier = Form.useWatch('tier', form);
  const levelId = Form.useWatch('levelId', form);
  const rows = Form.useWatch('rows', form);
  const [basis, setBasis] = useState<StandardDetail | null>(null);
  const today = formatDate(new Date());

  useEffect(() => {
    if (!open) return;
    clearError();
    form.resetFields();
    form.setFieldsValue({ tier: start?.tier, levelId: start?.levelId, effectiveFrom: dayjs(today, 'YYYY-MM-DD'), rows: thresholdRows(indicators, null) });
  }, [open, start, form, clearError, indicators, today]);

  // Prefill from the version being replaced whenever the tier or level changes.
  useEffect(() => {
    if (!open || !tier || !levelId) return;
    let live = true;
    latestVersion(tier, levelId).then((latest) => {
      if (!live) return;
      setBasis(latest);
      form.setFieldsValue({ rows: thresholdRows(indicators, latest) });
    }, () => undefined);
    return () => { live = false; };
  }, [open, tier, levelId, indicators, form]);

  const save = async () => {
    const values = await form.validateFields();
    const { thresholds, formIndex } = thresholdsBody(indicators, values.rows);
    const saved = await run(async () => {
      try {
        return await standardsApi.create({
          tier: values.tier, levelId: values.levelId, note: values.note?.trim() ?? '', thresholds,
          effectiveFrom: values.effectiveFrom ? values.effectiveFrom.format('YYYY-MM-DD') : undefined,
        });
      } catch (failure) {
        throw toFormRowErrors(failure, 'thresholds', 'rows', formIndex);
      }
    });
    if (saved) {
      message.success(t('network.standards.created', { version: saved.version }));
      onSaved(saved);
    }
  };

  return (
    <ModalForm open={open} title={t('network.standards.newVersion')} form={form} name="standardForm"
      onOk={() => void save().catch(() => undefined)} onCancel={onClose} submitting={submitting} error={error} width={720} requiredMark testId="standard-form" errorTestId="standard-form-error">
      <Row gutter={16}>
        <Col xs={24} sm={8}>
          <Form.Item name="tier" label={t('network.field.tier')} rules={[{ required: true }]}>
            <Select data-testid="standard-tier" options={INSTITUTION_TIERS.map((k) => ({ value: k, label: t(`network.tier.${k}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="levelId" label={t('network.accreditation.level')} rules={[{ required: true }]}>
            <Select data-testid="standard-level" options={levels.map((l) => ({ value: l.id, label: levelName(l, lang) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="effectiveFrom" label={t('network.standards.effectiveFrom')} rules={[{ required: true }]}
            tooltip={t('network.standards.effectiveHint')}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') < today} data-testid="standard-effective" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="note" label={t('network.standards.note')} rules={[{ max: 500 }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
        {basis ? t('network.standards.basedOn', { version: basis.version }) : t('network.standards.firstVersion')}
      </Typography.Text>
      <div role="group" aria-label={t('network.standards.thresholds')}>
        {indicators.map((ind, i) => {
          const applies = rows?.[i]?.applies ?? false;
          const name = lang === 'en' ? ind.nameEn : ind.nameZh;
          return (
            <Flex key={ind.code} gap={12} align="center" wrap style={{ padding: '6px 0', borderBottom: '1px solid rgba(5,5,5,0.06)' }}
              data-testid={`threshold-row-${ind.code}`}>
              <Form.Item name={['rows', i, 'applies']} valuePropName="checked" noStyle>
                <Checkbox style={{ flex: '1 1 220px' }}>{name}{ind.valueType === 'number' && ind.unit ? `（${ind.unit}）` : ''}</Checkbox>
              </Form.Item>
              {ind.valueType === 'boolean' ? (
                <Flex gap={8} align="center">
                  <Typography.Text type="secondary">{t('network.standards.mustHave')}</Typography.Text>
                  <Form.Item name={['rows', i, 'required']} valuePropName="checked" noStyle>
                    <Switch size="small" disabled={!applies} aria-label={`${name} ${t('network.standards.mustHave')}`} />
                  </Form.Item>
                </Flex>
              ) : (
                <Form.Item name={['rows', i, 'threshold']} style={{ margin: 0, width: 180 }}
                  rules={applies ? [{ required: true, message: t('network.standards.thresholdRequired') }] : []}>
                  <InputNumber min={0} prefix="≥" suffix={ind.unit || undefined} disabled={!applies} style={{ width: '100%' }}
                    aria-label={`${name} ${t('network.standards.threshold')}`} data-testid={`threshold-${ind.code}`} />
                </Form.Item>
              )}
            </Flex>
          );
        })}
      </div>
    </ModalForm>
  );
}
