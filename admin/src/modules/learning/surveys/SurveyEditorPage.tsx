import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Flex, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../core/api/ApiError';
import { applyFieldErrors } from '../../../core/api/fieldErrors';
import { useProblemText } from '../../../core/api/useProblemText';
import { useQuery } from '../../../core/api/useQuery';
import { useAuth } from '../../../core/auth/useAuth';
import { useLang } from '../../../core/i18n/useT';
import { PageContainer } from '../../../core/ui/PageContainer';
import { useRegions } from '../../users/useReferenceData';
import { surveyApi } from './surveyApi';
import { useSurveyT } from './surveyText';
import type { QuestionKind, SurveyDetail, SurveyInput } from './surveyTypes';

interface QuestionValues { kind: QuestionKind; title: string; required?: boolean; maxChoices?: number | null; maxLength?: number | null; options?: string[] }
interface Values {
  title: string;
  description?: string;
  regionId: string;
  villageIds?: string[];
  window: [Dayjs, Dayjs];
  questions: QuestionValues[];
}

const KNOWN_FIELDS = ['title', 'description', 'regionId', 'villageIds', 'questions'] as const;

function toValues(s: SurveyDetail): Values {
  return {
    title: s.title, description: s.description, regionId: s.regionId, villageIds: s.villages.map((v) => v.id),
    window: [dayjs(s.opensAt), dayjs(s.closesAt)],
    questions: s.questions.map((q) => ({
      kind: q.kind, title: q.title, required: q.required, maxChoices: q.maxChoices, maxLength: q.maxLength, options: q.options.map((o) => o.label),
    })),
  };
}

function toInput(v: Values): SurveyInput {
  return {
    title: v.title, description: v.description ?? '', regionId: v.regionId, villageIds: v.villageIds ?? [],
    opensAt: v.window[0].toISOString(), closesAt: v.window[1].toISOString(),
    questions: (v.questions ?? []).map((q) => ({
      kind: q.kind, title: q.title, required: Boolean(q.required),
      ...(q.kind === 'multiple' && q.maxChoices ? { maxChoices: q.maxChoices } : {}),
      ...(q.kind === 'text' && q.maxLength ? { maxLength: q.maxLength } : {}),
      ...(q.kind === 'text' ? {} : { options: (q.options ?? []).map((o) => o ?? '') }),
    })),
  };
}

const EMPTY_QUESTION: QuestionValues = { kind: 'single', title: '', required: true, options: ['', ''] };

/** New survey (`/learning/surveys/new`) or a draft's editor (`/learning/surveys/:id/edit`): questions with options, in order. */
export default function SurveyEditorPage() {
  const t = useSurveyT();
  const { lang } = useLang();
  const problemText = useProblemText();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { me } = useAuth();
  const { id } = useParams<{ id: string }>();
  const [form] = Form.useForm<Values>();
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const detail = useQuery(id ? `survey-${id}` : null, (signal) => surveyApi.get(id!, signal));
  const regions = useRegions();
  const regionId = Form.useWatch('regionId', form);
  const frozen = Boolean(id && detail.data && !detail.data.abilities.edit);

  useEffect(() => {
    if (detail.data) form.setFieldsValue(toValues(detail.data));
  }, [detail.data, form]);

  // The city admin may aim at the city or any town; a town admin at their own town (the server checks it again).
  const regionOptions = useMemo(() => {
    const all = regions.data ?? [];
    const grants = me?.roles ?? [];
    const city = grants.some((g) => g.role === 'city_admin');
    const ownTowns = new Set(grants.filter((g) => g.role === 'town_admin').map((g) => String(g.scopeId)));
    return all.filter((r) => (r.level === 'city' && city) || (r.level === 'town' && (city || ownTowns.has(String(r.id)))))
      .map((r) => ({ value: String(r.id), label: r.name }));
  }, [regions.data, me]);
  const villageOptions = useMemo(() => {
    const all = regions.data ?? [];
    const towns = new Map(all.filter((r) => r.level === 'town').map((r) => [String(r.id), r.name]));
    const target = all.find((r) => String(r.id) === regionId);
    return all.filter((r) => r.level === 'village' && target && (target.level === 'city' || String(r.parentId) === regionId))
      .map((r) => ({ value: String(r.id), label: target?.level === 'city' ? `${towns.get(String(r.parentId)) ?? ''} · ${r.name}` : r.name }));
  }, [regions.data, regionId]);

  const save = async (values: Values) => {
    setSaving(true);
    setErrors([]);
    try {
      const input = toInput(values);
      if (id && detail.data) await surveyApi.update(id, detail.data.version, input);
      else await surveyApi.create(input);
      message.success(t('editor.saved'));
      navigate('/learning/surveys');
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        setErrors([problemText(error) || t('editor.stale')]);
      } else {
        const { matched, unmatched } = applyFieldErrors(form, error, lang, KNOWN_FIELDS);
        setErrors(matched === 0 && unmatched.length === 0 ? [problemText(error)] : unmatched);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <PageContainer title={id ? t('editor.edit') : t('editor.new')} extra={<Button onClick={() => navigate('/learning/surveys')}>{t('back')}</Button>}>
      {frozen ? <Alert type="info" showIcon message={t('editor.frozen')} style={{ marginBottom: 16 }} /> : null}
      {detail.error ? <Alert type="error" showIcon message={problemText(detail.error)} style={{ marginBottom: 16 }} /> : null}
      {errors.length > 0 ? (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} message={t('editor.errors')}
          description={<ul style={{ margin: 0 }}>{errors.map((e) => <li key={e}>{e}</li>)}</ul>} data-testid="survey-errors" />
      ) : null}
      <Form<Values> form={form} layout="vertical" disabled={frozen} onFinish={save} style={{ maxWidth: 880 }}
        initialValues={{ questions: [EMPTY_QUESTION], villageIds: [] }}>
        <Form.Item name="title" label={t('editor.title')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input maxLength={100} data-testid="survey-title" />
        </Form.Item>
        <Form.Item name="description" label={t('editor.description')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item name="regionId" label={t('region')} rules={[{ required: true }]} style={{ minWidth: 220 }}>
            <Select options={regionOptions} loading={regions.loading} onChange={() => form.setFieldValue('villageIds', [])} data-testid="survey-region" />
          </Form.Item>
          <Form.Item name="villageIds" label={t('villages')} extra={t('villagesHint')} style={{ minWidth: 320, flex: 1 }}>
            <Select mode="multiple" allowClear options={villageOptions} optionFilterProp="label" />
          </Form.Item>
        </Flex>
        <Form.Item name="window" label={t('window')} rules={[{ required: true }]}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" placeholder={[t('opensAt'), t('closesAt')]} />
        </Form.Item>

        <Form.List name="questions">
          {(fields, { add, remove, move }) => (
            <Space direction="vertical" style={{ width: '100%' }} size={12}>
              {fields.map((field, index) => (
                <QuestionCard key={field.key} name={field.name} index={index} count={fields.length}
                  onRemove={() => remove(field.name)} onMove={(to) => move(index, to)} />
              ))}
              <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({ ...EMPTY_QUESTION, options: ['', ''] })} block data-testid="survey-add-question">
                {t('editor.addQuestion')}
              </Button>
            </Space>
          )}
        </Form.List>
        <Form.Item style={{ marginTop: 24 }}>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="survey-save">{t('editor.save')}</Button>
        </Form.Item>
      </Form>
    </PageContainer>
  );
}

function QuestionCard({ name, index, count, onRemove, onMove }: { name: number; index: number; count: number; onRemove: () => void; onMove: (to: number) => void }) {
  const t = useSurveyT();
  const form = Form.useFormInstance<Values>();
  const kind = Form.useWatch(['questions', name, 'kind'], form) as QuestionKind | undefined;
  return (
    <Card size="small" title={`${index + 1}.`} data-testid={`survey-question-${index}`}
      extra={(
        <Space size={4}>
          <Button size="small" icon={<ArrowUpOutlined aria-hidden />} aria-label={t('editor.moveUp')} disabled={index === 0} onClick={() => onMove(index - 1)} />
          <Button size="small" icon={<ArrowDownOutlined aria-hidden />} aria-label={t('editor.moveDown')} disabled={index === count - 1} onClick={() => onMove(index + 1)} />
          <Button size="small" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('editor.removeQuestion')} onClick={onRemove} />
        </Space>
      )}>
      <Flex gap={12} wrap align="start">
        <Form.Item name={[name, 'kind']} label={t('editor.kind')} rules={[{ required: true }]} style={{ width: 140 }}>
          <Select options={(['single', 'multiple', 'text'] as const).map((k) => ({ value: k, label: t(`editor.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name={[name, 'title']} label={t('editor.questionTitle')} rules={[{ required: true, whitespace: true, max: 200 }]} style={{ flex: 1, minWidth: 240 }}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name={[name, 'required']} label={t('editor.required')} valuePropName="checked">
          <Switch />
        </Form.Item>
        {kind === 'multiple' ? (
          <Form.Item name={[name, 'maxChoices']} label={t('editor.maxChoices')} extra={t('editor.maxChoicesHint')}>
            <InputNumber min={1} max={50} precision={0} />
          </Form.Item>
        ) : null}
        {kind === 'text' ? (
          <Form.Item name={[name, 'maxLength']} label={t('editor.maxLength')}>
            <InputNumber min={1} max={2000} precision={0} placeholder="500" />
          </Form.Item>
        ) : null}
      </Flex>
      {kind !== 'text' ? (
        <Form.Item label={t('editor.options')} style={{ marginBottom: 0 }}>
          <Form.List name={[name, 'options']}>
            {(options, { add, remove }) => (
              <Space direction="vertical" style={{ width: '100%' }}>
                {options.map((option, j) => (
                  <Flex key={option.key} gap={8} align="start">
                    <Form.Item name={option.name} rules={[{ required: true, whitespace: true, max: 100 }]} style={{ flex: 1, marginBottom: 0 }}>
                      <Input maxLength={100} placeholder={t('editor.option', { n: j + 1 })} aria-label={t('editor.option', { n: j + 1 })} />
                    </Form.Item>
                    <Button icon={<DeleteOutlined aria-hidden />} aria-label={t('remove')} onClick={() => remove(option.name)} disabled={options.length <= 2} />
                  </Flex>
                ))}
                <Button type="dashed" size="small" icon={<PlusOutlined aria-hidden />} onClick={() => add('')} disabled={options.length >= 30}>{t('editor.addOption')}</Button>
              </Space>
            )}
          </Form.List>
        </Form.Item>
      ) : null}
    </Card>
  );
}
