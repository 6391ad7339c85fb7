import { Col, DatePicker, Form, Input, InputNumber, Row, Select, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo } from 'react';
import { useAuth } from '../../core/auth/useAuth';
import { useT } from '../../core/i18n/useT';
import { ModalForm } from '../../core/ui/ModalForm';
import { buildRegionTree } from '../users/regionTree';
import { useFormSubmit } from '../../core/api/useFormSubmit';
import { useRegions } from '../users/useReferenceData';
import { jobsApi } from './api';
import { BodyEditor } from './BodyEditor';
import { ownerScopes, parseScopeValue } from './ownerScopes';
import type { Job, JobInput } from './types';

interface Values {
  employerName?: string;
  position: string;
  headcount: number;
  regionId?: string;
  salaryMin?: number | null;
  salaryMax?: number | null;
  requirements: string;
  contact: string;
  validUntil?: Dayjs;
  trainingLink?: string;
  ownerScope?: string;
}

const FIELDS = [
  'employerName',
  'position',
  'headcount',
  'regionId',
  'salaryMin',
  'salaryMax',
  'requirements',
  'contact',
  'validUntil',
  'trainingLink',
  'ownerScope',
] as const;

interface Props {
  /** `'new'` for a new posting, a job to edit, or null when closed. */
  job: Job | 'new' | null;
  onClose: () => void;
  onSaved: (job: Job) => void;
}

/** A job posting's fields. An employer's own account posts under its registered name (the server sets it). */
export function JobFormModal({ job, onClose, onSaved }: Props) {
  const t = useT();
  const { me } = useAuth();
  const [form] = Form.useForm<Values>();
  const { run, submitting, error, clearError } = useFormSubmit(form, FIELDS);
  const regions = useRegions();
  const regionTree = useMemo(() => buildRegionTree(regions.data ?? []), [regions.data]);
  const scopes = useMemo(() => ownerScopes(me, 'job'), [me]);
  // An employer's account posts under its own registered name (the grant's scope): shown, not editable.
  const employerGrant = me?.roles.find((r) => r.role === 'employer');
  const isEmployer = !!employerGrant;
  const creating = job === 'new';

  useEffect(() => {
    if (job === null) return;
    form.resetFields();
    clearError();
    if (job === 'new') {
      form.setFieldsValue({
        employerName: employerGrant?.scopeName,
        headcount: 1,
        ownerScope: scopes[0]?.value,
        validUntil: dayjs().add(1, 'month'),
        requirements: '',
      });
    } else {
      form.setFieldsValue({
        employerName: job.employerName,
        position: job.position,
        headcount: job.headcount,
        regionId: job.region.id,
        salaryMin: job.salaryMin,
        salaryMax: job.salaryMax,
        requirements: job.requirements,
        contact: job.contact,
        validUntil: dayjs(job.validUntil, 'YYYY-MM-DD'),
        trainingLink: job.trainingLink ?? undefined,
      });
    }
  }, [job, form, clearError, scopes, employerGrant?.scopeName]);

  const onFinish = async (values: Values) => {
    const input: JobInput = {
      position: values.position.trim(),
      headcount: values.headcount,
      regionId: values.regionId!,
      salaryMin: values.salaryMin ?? null,
      salaryMax: values.salaryMax ?? null,
      requirements: values.requirements,
      contact: values.contact.trim(),
      validUntil: values.validUntil!.format('YYYY-MM-DD'),
      trainingLink: values.trainingLink?.trim() || null,
    };
    if (!isEmployer && values.employerName?.trim()) input.employerName = values.employerName.trim();
    let saved: Job | undefined;
    if (creating) {
      const scope = parseScopeValue(values.ownerScope, scopes);
      if (scope) input.ownerScope = { type: scope.scopeType, id: scope.scopeId };
      saved = await run(() => jobsApi.create(input));
    } else if (job) {
      saved = await run(() => jobsApi.update(job.id, input));
    }
    if (saved) onSaved(saved);
  };

  const required = { required: true, whitespace: true, message: t('content.field.required') };

  return (
    <ModalForm<Values>
      open={job !== null}
      width={820}
      title={creating ? t('content.jobs.createTitle') : t('content.jobs.editTitle')}
      form={form}
      name="job"
      onCancel={onClose}
      onFinish={onFinish}
      submitting={submitting}
      error={error}
      keepMounted
      okTestId="job-save"
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="employerName"
            label={t('content.jobs.employer')}
            extra={isEmployer ? t('content.jobs.employerOwn') : undefined}
            rules={isEmployer ? [] : [required, { max: 100 }]}
          >
            <Input disabled={isEmployer} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="position" label={t('content.jobs.position')} rules={[required, { max: 100 }]}>
            <Input data-testid="job-position" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={12} md={6}>
          <Form.Item name="headcount" label={t('content.jobs.headcount')} rules={[{ required: true, message: t('content.field.required') }]}>
            <InputNumber min={1} max={9999} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="salaryMin" label={t('content.jobs.salaryMin')}>
            <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="salaryMax"
            label={t('content.jobs.salaryMax')}
            dependencies={['salaryMin']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value: number | null | undefined) => {
                  const min = getFieldValue('salaryMin') as number | null | undefined;
                  return value != null && min != null && value < min
                    ? Promise.reject(new Error(t('content.jobs.salaryOrder')))
                    : Promise.resolve();
                },
              }),
            ]}
          >
            <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="validUntil" label={t('content.jobs.validUntil')} rules={[{ required: true, message: t('content.field.required') }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="regionId" label={t('content.jobs.region')} rules={[{ required: true, message: t('content.field.required') }]}>
            <TreeSelect
              showSearch
              treeNodeFilterProp="title"
              treeData={regionTree}
              // The city open, its towns visible; villages one click further.
              treeDefaultExpandedKeys={regionTree.map((node) => node.value)}
              loading={regions.loading}
              data-testid="job-region"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          {creating && scopes.length > 1 ? (
            <Form.Item name="ownerScope" label={t('content.field.ownerScope')}>
              <Select options={scopes.map((s) => ({ value: s.value, label: s.label }))} />
            </Form.Item>
          ) : null}
        </Col>
      </Row>
      <Form.Item name="contact" label={t('content.jobs.contact')} rules={[required, { min: 2, max: 200 }]}>
        <Input placeholder={t('content.jobs.contactPlaceholder')} data-testid="job-contact" />
      </Form.Item>
      <Form.Item name="requirements" label={t('content.jobs.requirements')} rules={[{ required: true, message: t('content.field.required') }]}>
        <BodyEditor aria-label={t('content.jobs.requirements')} minHeight={140} />
      </Form.Item>
      <Form.Item name="trainingLink" label={t('content.jobs.trainingLink')} rules={[{ max: 500 }]}>
        <Input placeholder="/c/…" />
      </Form.Item>
    </ModalForm>
  );
}
