import { Form, Input, Select, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useT } from '../../core/i18n/useT';
import { FormModal } from '../../core/ui/FormModal';
import type { Region } from '../users/types';
import { buildRegionTree } from '../users/regionTree';
import { institutionsApi } from './api';
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
  const [form] = Form.useForm<InstitutionFields>();
  const regionTree = useMemo(() => buildRegionTree(regions, (r) => r.level !== 'city'), [regions]);
  const tier = Form.useWatch('tier', form);

  const submit = (values: InstitutionFields, editing: NetworkInstitution | null) => {
    const body: InstitutionFields = {
      ...values,
      parentCenterId: values.tier === 'center' ? null : (values.parentCenterId ?? null),
      address: values.address ?? '', openingHours: values.openingHours ?? '', contactName: values.contactName ?? '',
      contactPhone: values.contactPhone ?? '', description: values.description ?? '',
    };
    return editing ? institutionsApi.update(editing.id, editing.version, body) : institutionsApi.create(body);
  };

  return (
    <FormModal open={open} editing={editing} title={editing ? t('network.institutions.edit') : t('network.institutions.create')} form={form}
      name="institutionForm" fields={FIELDS} submit={submit} onClose={onClose} onSaved={onSaved} requiredMark width={640}
      initialValues={(e) => e ? {
        name: e.name, tier: e.tier, kind: e.kind, regionId: e.region.id,
        parentCenterId: e.parentCenter?.id ?? null, address: e.address, openingHours: e.openingHours,
        contactName: e.contactName, contactPhone: e.contactPhone, description: e.description,
      } : undefined}
      savedText={(saved) => t('network.institutions.saved', { name: saved.name })} staleText={t('network.institutions.stale')}
      testId="institution-form" errorTestId="inst-form-error">
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
    </FormModal>
  );
}
