import { Alert, App, Button, Card, Form, Input, Select, Table } from 'antd';
import { useState } from 'react';
import { api } from '../../core/api/client';
import { useProblemText } from '../../core/api/useProblemText';
import { useQuery } from '../../core/api/useQuery';
import { useT } from '../../core/i18n/useT';
import type { Region } from '../users/types';
import { idKey } from '../users/regionTree';
import { useFormSubmit } from '../../core/api/useFormSubmit';
import { ConfirmDeleteButton } from '../../core/ui/ConfirmDeleteButton';

interface Member {
  id: string;
  department: string;
  contactName: string;
  position: string;
  /** Masked by the server. */
  phone: string;
  sort: number;
}
interface Committee {
  townId: string;
  townName: string;
  members: Member[];
}
interface NewMember {
  department: string;
  contactName: string;
  position?: string;
  phone?: string;
}

const FIELDS = ['department', 'contactName', 'position', 'phone'] as const;
const path = (townId: string) => `/network/committees/${townId}/members`;
/** Existing members go back with their id and without phone, which keeps the stored (unmasked) number. */
const keep = (m: Member) => ({ id: m.id, department: m.department, contactName: m.contactName, position: m.position });

/** The town's community education committee: member departments and their contact people. */
export function CommitteeCard({ regions, initialTownId, canManage }: { regions: readonly Region[]; initialTownId: string | undefined; canManage: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const towns = regions.filter((r) => r.level === 'town');
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const townId = picked ?? initialTownId ?? (towns[0] ? idKey(towns[0].id) : undefined);
  const committee = useQuery(townId ? `committee:${townId}` : null, (signal) => api.get<Committee>(path(townId!), { signal }));
  const [form] = Form.useForm<NewMember>();
  const { run, submitting, error } = useFormSubmit(form, FIELDS);
  const members = committee.data?.members ?? [];

  const add = async () => {
    const v = await form.validateFields();
    // The server names bad fields members/<index>/<field>: they show above the form, with the server's words.
    const saved = await run(() =>
      api.put<Committee>(path(townId!), { members: [...members.map(keep), { ...v, position: v.position ?? '', phone: v.phone ?? '' }] }));
    if (saved) {
      form.resetFields();
      committee.reload();
    }
  };
  const remove = async (id: string) => {
    try {
      await api.put<Committee>(path(townId!), { members: members.filter((m) => m.id !== id).map(keep) });
      committee.reload();
    } catch (failure) {
      message.error(problemText(failure));
    }
  };

  return (
    <Card title={t('network.committee.title')} style={{ marginTop: 16 }} data-testid="committee"
      extra={<Select style={{ width: 140 }} value={townId} onChange={setPicked} options={towns.map((r) => ({ value: idKey(r.id), label: r.name }))} aria-label={t('network.field.town')} />}>
      {committee.error ? <Alert type="error" showIcon title={problemText(committee.error)} /> : null}
      <Table<Member> rowKey="id" size="small" pagination={false} dataSource={members} loading={committee.loading}
        columns={[
          { title: t('network.committee.department'), dataIndex: 'department', key: 'department' },
          { title: t('network.field.contactName'), dataIndex: 'contactName', key: 'contactName' },
          { title: t('network.committee.position'), key: 'position', render: (_, m) => m.position || '—' },
          { title: t('network.field.contactPhone'), key: 'phone', render: (_, m) => m.phone || '—' },
          ...(canManage ? [{ key: 'x', width: 50, render: (_: unknown, m: Member) => (
            <ConfirmDeleteButton confirm={t('network.partners.removeConfirm')} label={t('network.partners.remove')} onConfirm={() => remove(m.id)} />
          ) }] : []),
        ]} />
      {canManage && townId ? (
        <Form form={form} layout="inline" name="committeeForm" style={{ marginTop: 12, rowGap: 8 }}>
          {error ? <Alert type="error" showIcon title={error} style={{ width: '100%', marginBottom: 8 }} /> : null}
          <Form.Item name="department" rules={[{ required: true, max: 80 }]}><Input placeholder={t('network.committee.department')} style={{ width: 160 }} /></Form.Item>
          <Form.Item name="contactName" rules={[{ required: true, max: 40 }]}><Input placeholder={t('network.field.contactName')} style={{ width: 110 }} /></Form.Item>
          <Form.Item name="position" rules={[{ max: 40 }]}><Input placeholder={t('network.committee.position')} style={{ width: 110 }} /></Form.Item>
          <Form.Item name="phone" rules={[{ max: 20 }]}><Input placeholder={t('network.field.contactPhone')} style={{ width: 140 }} /></Form.Item>
          <Button onClick={() => void add().catch(() => undefined)} loading={submitting}>{t('network.partners.add')}</Button>
        </Form>
      ) : null}
    </Card>
  );
}
