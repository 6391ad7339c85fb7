import { Form, Input, Select } from 'antd';
import { useT } from '../../core/i18n/useT';
import { FormModal } from '../../core/ui/FormModal';
import type { Region } from '../users/types';
import { townOptions } from '../users/regionTree';
import { partnerApi } from './partnerApi';
import { PARTNER_TYPES, type PartnerFields, type PartnerSummary } from './partnerTypes';

const FIELDS = ['name', 'type', 'townId', 'contactName', 'contactPhone', 'description', 'status'] as const;

interface Props {
  open: boolean;
  editing: PartnerSummary | null;
  regions: readonly Region[];
  onClose: () => void;
  onSaved: () => void;
}

/** Records or edits a partner; the (masked) phone is only sent when a new one is typed. */
export function PartnerFormModal({ open, editing, regions, onClose, onSaved }: Props) {
  const t = useT();
  const [form] = Form.useForm<PartnerFields>();

  const submit = async (v: PartnerFields, editing: PartnerSummary | null) => {
    const body: PartnerFields = {
      name: v.name, type: v.type, townId: v.townId, contactName: v.contactName ?? '', description: v.description ?? '', status: v.status,
    };
    if (v.contactPhone?.trim()) body.contactPhone = v.contactPhone.trim();
    if (!editing) return partnerApi.create(body);
    // The town is fixed once recorded (the server's edit has no town field).
    const changes: Partial<PartnerFields> = { ...body };
    delete changes.townId;
    return partnerApi.update(editing.id, editing.version, changes);
  };

  return (
    <FormModal open={open} editing={editing} title={editing ? t('network.partners.edit') : t('network.partners.create')} form={form}
      name="partnerForm" fields={FIELDS} submit={submit} onClose={onClose} onSaved={() => onSaved()}
      initialValues={(e) => e
        ? { name: e.name, type: e.type, townId: e.townId, contactName: e.contactName, description: e.description, status: e.status }
        : { status: 'active' as const }}
      savedText={(saved) => t('network.institutions.saved', { name: saved.name })} staleText={t('network.institutions.stale')}
      testId="partner-form" errorTestId="partner-form-error">
      <Form.Item name="name" label={t('network.field.name')} rules={[{ required: true, max: 80 }]}><Input data-testid="partner-name" /></Form.Item>
      <Form.Item name="type" label={t('network.partners.type')} rules={[{ required: true }]}>
        <Select data-testid="partner-type" options={PARTNER_TYPES.map((p) => ({ value: p, label: t(`network.partnerType.${p}`) }))} />
      </Form.Item>
      <Form.Item name="townId" label={t('network.field.town')} rules={[{ required: true }]}>
        <Select disabled={editing !== null} data-testid="partner-town" options={townOptions(regions)} />
      </Form.Item>
      <Form.Item name="contactName" label={t('network.field.contactName')} rules={[{ max: 40 }]}><Input /></Form.Item>
      <Form.Item name="contactPhone" label={t('network.field.contactPhone')} rules={[{ max: 20 }]}
        extra={editing?.contactPhone ? t('network.people.keepBlank', { masked: editing.contactPhone }) : undefined}>
        <Input data-testid="partner-phone" autoComplete="off" />
      </Form.Item>
      <Form.Item name="description" label={t('network.field.description')} rules={[{ max: 2000 }]}><Input.TextArea rows={3} /></Form.Item>
      <Form.Item name="status" label={t('network.field.status')}>
        <Select options={(['active', 'inactive'] as const).map((s) => ({ value: s, label: t(`network.partnerStatus.${s}`) }))} />
      </Form.Item>
    </FormModal>
  );
}
