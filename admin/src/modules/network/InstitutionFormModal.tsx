import { Alert, App, Form, Input, Modal, Select, TreeSelect } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useT } from '../../core/i18n/useT';
import type { Region } from '../users/types';
import { buildRegionTree } from '../users/regionTree';
import { useFormSubmit } from '../users/useFormSubmit';
import { institutionsApi } from './api';
import { isStaleVersion } from './staleVersion';
import { INSTITUTION_KINDS, INSTITUTION_TIERS, type InstitutionFields, type NetworkInstitution } from './types';

// The server's field names, so its field errors land on these inputs.
const FIELDS = ['name', 'tier', 'kind', 'regionId', 'parentCenterId', 'address', 'openingHours', 'contactName', 'contactPhone', 'description'] as const;

interface Props {
  open: boolean;
  /** The institution being edited (as loaded: its `version` is sent back), or null to create one. */
  editing: NetworkInstitution | null;
  regions: readonly Region[];
  /** Centers the caller can see, for the "所属中心" choice. */
  centers: readonly NetworkInstitution[];
  onClose: () => void;
  onSaved: (saved: NetworkInstitution) => void;
}

export function InstitutionFormModal({ open, editing, regions, centers, onClose, onSaved }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<InstitutionFields>();
  const { run, submitting, error, clearError } = useFormSubmit(form, FIELDS);
  const regionTree = useMemo(() => buildRegionTree(regions, (r) => r.level !== 'city'), [regions]);
  const tier = Form.useWatch('tier', form);
  // A stale version says something clearer than the server's generic conflict text.
  const [stale, setStale] = useState(false);

  useEffect(() => {
    if (!open) return;
    clearError();
    setStale(false);
    form.resetFields();
    if (editing) {
      form.setFieldsValue({
        name: editing.name, tier: editing.tier, kind: editing.kind, regionId: editing.region.id,
        parentCenterId: editing.parentCenter?.id ?? null, address: editing.address, openingHours: editing.openingHours,
        contactName: editing.contactName, contactPhone: editing.contactPhone, description: editing.description,
      });
    }
  }, [open, editing, form, clearError]);

  const save = async () => {
    const values = await form.validateFields();
    const body: InstitutionFields = {
      ...values,
      parentCenterId: values.tier === 'center' ? null : (values.parentCenterId ?? null),
      address: values.address ?? '', openingHours: values.openingHours ?? '', contactName: values.contactName ?? '',
      contactPhone: values.contactPhone ?? '', description: values.description ?? '',
    };
    setStale(false);
    const saved = await run(async () => {
      try {
        return editing ? await institutionsApi.update(editing.id, editing.version, body) : await institutionsApi.create(body);
      } catch (failure) {
        if (editing && isStaleVersion(failure)) {
          setStale(true);
          // The alert sits at the top of a long form; say it where the eye is too.
          message.error(t('network.institutions.stale'));
        }
        throw failure;
      }
    });
    if (saved) {
      message.success(t('network.institutions.saved', { name: saved.name }));
      onSaved(saved);
    }
  };

  return (
    <Modal
      open={open}
      title={editing ? t('network.institutions.edit') : t('network.institutions.create')}
      onCancel={onClose}
      onOk={() => void save().catch(() => undefined)}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      width={640}
      destroyOnHidden
      data-testid="institution-form"
    >
      {stale ? <InstitutionSaveError error={t('network.institutions.stale')} /> : error ? <InstitutionSaveError error={error} /> : null}
      <Form form={form} layout="vertical" name="institutionForm" requiredMark>
        <Form.Item name="name" label={t('network.field.name')} rules={[{ required: true, max: 100 }]}>
          <Input data-testid="inst-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('network.field.kind')} rules={[{ required: true }]}>
          <Select data-testid="inst-kind" options={INSTITUTION_KINDS.map((k) => ({ value: k, label: t(`network.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="tier" label={t('network.field.tier')} rules={[{ required: true }]}>
          <Select data-testid="inst-tier" options={INSTITUTION_TIERS.map((k) => ({ value: k, label: t(`network.tier.${k}`) }))} />
        </Form.Item>
        <Form.Item name="regionId" label={t('network.field.region')} rules={[{ required: true }]}>
          <TreeSelect data-testid="inst-region" treeData={regionTree} treeDefaultExpandAll showSearch treeNodeFilterProp="title" />
        </Form.Item>
        {tier && tier !== 'center' ? (
          <Form.Item name="parentCenterId" label={t('network.field.parentCenter')}>
            <Select allowClear data-testid="inst-parent" options={centers.map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
        ) : null}
        <Form.Item name="address" label={t('network.field.address')} rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="openingHours" label={t('network.field.openingHours')} rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="contactName" label={t('network.field.contactName')} rules={[{ max: 50 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('network.field.contactPhone')} rules={[{ max: 30 }]}>
          <Input data-testid="inst-phone" />
        </Form.Item>
        <Form.Item name="description" label={t('network.field.description')} rules={[{ max: 4000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function InstitutionSaveError({ error }: { error: string }) {
  return <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="inst-form-error" />;
}
