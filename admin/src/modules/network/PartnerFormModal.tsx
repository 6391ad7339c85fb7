import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '../../core/i18n/useT';
import type { Region } from '../users/types';
import { idKey } from '../users/regionTree';
import { useFormSubmit } from '../users/useFormSubmit';
import { partnerApi } from './partnerApi';
import { PARTNER_TYPES, type PartnerFields, type PartnerSummary } from './partnerTypes';
import { isStaleVersion } from './staleVersion';

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
  const { message } = App.useApp();
  const [form] = Form.useForm<PartnerFields>();
  const { run, submitting, error, clearError } = useFormSubmit(form, FIELDS);
  const [stale, setStale] = useState(false);

  useEffect(() => {
    if (!open) return;
    clearError();
    setStale(false);
    form.resetFields();
    form.setFieldsValue(editing
      ? { name: editing.name, type: editing.type, townId: editing.townId, contactName: editing.contactName, description: editing.description, status: editing.status }
      : { status: 'active' });
  }, [open, editing, form, clearError]);

  const save = async () => {
    const v = await form.validateFields();
    const body: PartnerFields = {
      name: v.name, type: v.type, townId: v.townId, contactName: v.contactName ?? '', description: v.description ?? '', status: v.status,
    };
    if (v.contactPhone?.trim()) body.contactPhone = v.contactPhone.trim();
    setStale(false);
    const saved = await run(async () => {
      try {
        if (!editing) return await partnerApi.create(body);
        // The town is fixed once recorded (the server's edit has no town field).
        const changes: Partial<PartnerFields> = { ...body };
        delete changes.townId;
        return await partnerApi.update(editing.id, editing.version, changes);
      } catch (failure) {
        if (editing && isStaleVersion(failure)) {
          setStale(true);
          message.error(t('network.institutions.stale'));
        }
        throw failure;
      }
    });
    if (saved) {
      message.success(t('network.institutions.saved', { name: saved.name }));
      onSaved();
    }
  };

  const shown = stale ? t('network.institutions.stale') : error;
  return (
    <Modal open={open} title={editing ? t('network.partners.edit') : t('network.partners.create')} onCancel={onClose}
      onOk={() => void save().catch(() => undefined)} okText={t('common.save')} cancelText={t('common.cancel')}
      confirmLoading={submitting} width={600} destroyOnHidden data-testid="partner-form">
      {shown ? <Alert type="error" showIcon title={shown} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" name="partnerForm">
        <Form.Item name="name" label={t('network.field.name')} rules={[{ required: true, max: 80 }]}><Input data-testid="partner-name" /></Form.Item>
        <Form.Item name="type" label={t('network.partners.type')} rules={[{ required: true }]}>
          <Select data-testid="partner-type" options={PARTNER_TYPES.map((p) => ({ value: p, label: t(`network.partnerType.${p}`) }))} />
        </Form.Item>
        <Form.Item name="townId" label={t('network.field.town')} rules={[{ required: true }]}>
          <Select disabled={editing !== null} data-testid="partner-town"
            options={regions.filter((r) => r.level === 'town').map((r) => ({ value: idKey(r.id), label: r.name }))} />
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
      </Form>
    </Modal>
  );
}
