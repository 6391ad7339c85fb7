import { App, Button, Descriptions, Input, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useProblemText } from '../../../core/api/useProblemText';
import { useQuery } from '../../../core/api/useQuery';
import { DetailDrawer } from '../../../core/ui/DetailDrawer';
import { catalogueApi, feeText, shanghaiText, type LearningClass, type Session } from './catalogueApi';
import { useCatalogueT } from './catalogueText';

/** One class with its sessions; managers open it for enrolment or cancel it with a reason. */
export function ClassDrawer({ classId, canManage, onClose, onChanged, onEdit }: {
  classId: string | null; canManage: boolean; onClose: () => void; onChanged: () => void; onEdit: (c: LearningClass) => void;
}) {
  const t = useCatalogueT();
  const problemText = useProblemText();
  const { message } = App.useApp();
  const one = useQuery(classId ? `class-${classId}` : null, (signal) => catalogueApi.getClass(classId!, signal));
  const sessions = useQuery(classId ? `class-sessions-${classId}` : null, (signal) => catalogueApi.sessions(classId!, signal));
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const c = one.data;

  const act = async (action: () => Promise<unknown>) => {
    try {
      await action();
      message.success(t('saved'));
      one.reload();
      onChanged();
      return true;
    } catch (failure) {
      message.error(problemText(failure));
      return false;
    }
  };

  const eligibility = c ? [
    c.ageMin !== null || c.ageMax !== null ? t('ageRange', { min: c.ageMin ?? 0, max: c.ageMax ?? '∞' }) : null,
    c.residencyRegionName, c.prerequisiteCourseId ? t('prerequisite') : null,
  ].filter(Boolean).join('，') || t('anyone') : '';

  return (
    <DetailDrawer open={classId !== null} onClose={onClose} size="large" title={c?.title ?? ''} testId="class-drawer" error={one.error}
      extra={c && canManage ? (
        <Space>
          {c.status === 'draft' || c.status === 'open' ? <Button onClick={() => onEdit(c)}>{t('edit')}</Button> : null}
          {c.status === 'draft' ? <Button type="primary" onClick={() => Modal.confirm({ title: t('open'), content: t('confirmOpen'), onOk: () => act(() => catalogueApi.openClass(c.id, c.version)) })} data-testid="class-open">{t('open')}</Button> : null}
          {c.status === 'draft' || c.status === 'open' ? <Button danger onClick={() => { setReason(''); setCancelling(true); }} data-testid="class-cancel">{t('cancel')}</Button> : null}
        </Space>
      ) : null}>
      {c ? (
        <>
          <Descriptions column={1} size="small" bordered items={[
            { key: 'status', label: t('status'), children: <Tag>{t(`status.${c.status}`)}</Tag> },
            ...(c.cancelReason ? [{ key: 'reason', label: t('cancelReason'), children: c.cancelReason }] : []),
            { key: 'course', label: t('course'), children: c.courseTitle },
            { key: 'inst', label: t('institution'), children: `${c.institutionName} · ${c.townName}` },
            { key: 'term', label: t('term'), children: c.termName },
            { key: 'teacher', label: t('teacher'), children: c.teacherName ?? t('none') },
            { key: 'schedule', label: t('schedule'), children: c.scheduleLabel },
            { key: 'period', label: t('period'), children: `${c.startsOn} – ${c.endsOn}` },
            { key: 'venue', label: t('venue'), children: c.venue || t('none') },
            { key: 'seats', label: t('seats'), children: `${c.seatsTaken} / ${c.seats}` },
            { key: 'fee', label: t('fee'), children: feeText(c.feeFen, t('free')) },
            { key: 'elig', label: t('eligibility'), children: eligibility },
            { key: 'window', label: t('window'), children: `${c.returningOpensAt ? `${shanghaiText(c.returningOpensAt)}（${t('returningOpensAt')}）, ` : ''}${shanghaiText(c.enrolOpensAt)} – ${shanghaiText(c.enrolClosesAt)}` },
            { key: 'mode', label: t('mode'), children: c.mode === 'lottery' ? t('lottery') : t('firstCome') },
          ]} />
          <Table<Session> style={{ marginTop: 16 }} rowKey="id" size="small" pagination={false} loading={sessions.loading} data-testid="class-sessions"
            dataSource={sessions.data?.items ?? []} columns={[
              { title: t('sessions'), key: 'seq', render: (_, s) => t('sessionNo', { n: s.seq }) },
              { title: t('schedule'), key: 'time', render: (_, s) => `${shanghaiText(s.startsAt)} – ${shanghaiText(s.endsAt).slice(11)}` },
              { title: t('status'), key: 'status', render: (_, s) => (s.status === 'cancelled' ? <Tag>{t('status.cancelled')}</Tag> : null) },
            ]} />
        </>
      ) : null}
      <Modal open={cancelling} title={t('cancel')} okButtonProps={{ danger: true, disabled: !reason.trim() }} onCancel={() => setCancelling(false)}
        onOk={async () => { if (c && await act(() => catalogueApi.cancelClass(c.id, c.version, reason.trim()))) setCancelling(false); }} destroyOnHidden>
        <p>{t('cancelHint')}</p>
        <Input.TextArea rows={3} maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} aria-label={t('cancelReason')} placeholder={t('cancelReason')} />
      </Modal>
    </DetailDrawer>
  );
}
