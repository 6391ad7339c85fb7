import { Form, Input, Select } from 'antd';
import { useT } from '../../core/i18n/useT';
import { FormModal } from '../../core/ui/FormModal';
import { peopleApi } from './peopleApi';
import { EMPLOYMENTS, type Person, type PersonFields } from './peopleTypes';
import type { NetworkInstitution } from './types';

const FIELDS = ['institutionId', 'name', 'employment', 'title', 'subjects', 'qualifications', 'phone', 'idNumber'] as const;

interface Props {
  open: boolean;
  editing: Person | null;
  institutions: readonly NetworkInstitution[];
  onClose: () => void;
  onSaved: () => void;
}

/** Records or edits a person. Phone and ID number are only sent when typed: the form never holds the full values. */
export function PersonFormModal({ open, editing, institutions, onClose, onSaved }: Props) {
  const t = useT();
  const [form] = Form.useForm<PersonFields>();

  const submit = (v: PersonFields, editing: Person | null) => {
    const body: PersonFields = {
      institutionId: v.institutionId, name: v.name, employment: v.employment,
      title: v.title ?? '', subjects: v.subjects ?? '', qualifications: v.qualifications ?? '',
    };
    // Left blank while editing: keep what is stored. Left blank when creating: none recorded.
    if (v.phone?.trim()) body.phone = v.phone.trim();
    if (v.idNumber?.trim()) body.idNumber = v.idNumber.trim();
    return editing ? peopleApi.update(editing.id, editing.version, body) : peopleApi.create(body);
  };

  return (
    <FormModal open={open} editing={editing} title={editing ? t('network.people.edit') : t('network.people.create')} form={form}
      name="personForm" fields={FIELDS} submit={submit} onClose={onClose} onSaved={() => onSaved()}
      initialValues={(e) => e ? {
        institutionId: e.institutionId, name: e.name, employment: e.employment, title: e.title,
        subjects: e.subjects, qualifications: e.qualifications,
      } : undefined}
      savedText={(saved) => t('network.institutions.saved', { name: saved.name })} staleText={t('network.institutions.stale')}
      testId="person-form" errorTestId="person-form-error">
      <Form.Item name="institutionId" label={t('network.people.institution')} rules={[{ required: true }]}>
        <Select showSearch optionFilterProp="label" data-testid="person-institution"
          options={institutions.map((i) => ({ value: i.id, label: i.name }))} />
      </Form.Item>
      <Form.Item name="name" label={t('network.people.name')} rules={[{ required: true, whitespace: true, max: 50 }]}>
        <Input data-testid="person-name" />
      </Form.Item>
      <Form.Item name="employment" label={t('network.people.employment')} rules={[{ required: true }]}>
        <Select data-testid="person-employment" options={EMPLOYMENTS.map((e) => ({ value: e, label: t(`network.employment.${e}`) }))} />
      </Form.Item>
      <Form.Item name="title" label={t('network.people.title')} rules={[{ max: 100 }]}><Input /></Form.Item>
      <Form.Item name="subjects" label={t('network.people.subjects')} rules={[{ max: 500 }]}><Input /></Form.Item>
      <Form.Item name="qualifications" label={t('network.people.qualifications')} rules={[{ max: 1000 }]}><Input.TextArea rows={2} /></Form.Item>
      <Form.Item name="phone" label={t('network.field.contactPhone')} extra={editing?.phone ? t('network.people.keepBlank', { masked: editing.phone }) : undefined}>
        <Input data-testid="person-phone" autoComplete="off" />
      </Form.Item>
      <Form.Item name="idNumber" label={t('network.people.idNumber')} extra={editing?.idNumber ? t('network.people.keepBlank', { masked: editing.idNumber }) : undefined}>
        <Input data-testid="person-id" autoComplete="off" />
      </Form.Item>
    </FormModal>
  );
}
