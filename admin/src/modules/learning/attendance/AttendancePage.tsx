import { Alert, App, Button, Input, Modal, Popconfirm, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useProblemText } from '../../../core/api/useProblemText';
import { useQuery } from '../../../core/api/useQuery';
import { useAuth } from '../../../core/auth/useAuth';
import { PageContainer } from '../../../core/ui/PageContainer';
import { catalogueApi, shanghaiText } from '../catalogue/catalogueApi';
import { attendanceApi, ATTENDANCE_STATUSES, type AttendanceStatus, type Certificate, type Sheet } from './attendanceApi';
import { useAttendanceT, type AttendanceT } from './attendanceText';

type Resident = Sheet['residents'][number];

/** Sessions × residents; staff correct a mark by choosing it in the cell (teachers do the same on their phone page). */
function SheetTab(props: { t: AttendanceT; classId: string; manage: boolean }) {
  const { t, classId, manage } = props;
  const problemText = useProblemText();
  const { message } = App.useApp();
  const sheet = useQuery(`att-sheet-${classId}`, (signal) => attendanceApi.sheet(classId, signal));
  const [passed, setPassed] = useState<Record<string, boolean>>({});
  const s = sheet.data;
  const markOf = (sessionId: string, userId: string) => s?.marks.find((m) => m.sessionId === sessionId && m.userId === userId)?.status;
  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      message.success(done);
      sheet.reload();
    } catch (failure) {
      message.error(problemText(failure));
    }
  };
  if (sheet.error) return <Alert type="error" showIcon title={problemText(sheet.error)} />;
  if (!s) return null;
  const assessment = s.completionRule === 'assessment';
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <Typography.Text strong>{t('rule')}: {assessment ? t('ruleAssessment') : t('ruleAttendance', { threshold: s.completionThreshold })}</Typography.Text>
        <Typography.Text>{t('held', { held: s.held })}</Typography.Text>
        {manage ? (
          <Popconfirm title={t('completeConfirm')} onConfirm={() => act(async () => {
            const r = await attendanceApi.complete(classId);
            message.info(t('completed', { n: r.completed }));
          }, t('saved'))}>
            <Button type="primary" data-testid="learning-complete">{t('complete')}</Button>
          </Popconfirm>
        ) : null}
        {manage && assessment ? (
          <Button onClick={() => act(() => attendanceApi.assess(classId, Object.entries(passed).map(([enrolmentId, p]) => ({ enrolmentId, passed: p }))), t('saved'))}
            disabled={Object.keys(passed).length === 0}>{t('saveAssessments')}</Button>
        ) : null}
      </Space>
      <Typography.Text type="secondary">{t('markHint')}</Typography.Text>
      <Table<Resident> rowKey="userId" size="small" loading={sheet.loading} dataSource={s.residents} pagination={false} scroll={{ x: 'max-content' }}
        data-testid="learning-attendance-sheet" columns={[
          { title: t('name'), dataIndex: 'name', fixed: 'left' },
          { title: t('enrolment'), dataIndex: 'enrolmentStatus', render: (v: string) => <Tag>{v === 'completed' ? t('enrolment.completed') : t('enrolment.enrolled')}</Tag> },
          { title: t('rate'), key: 'rate', render: (_, r) => (r.rate === null ? '—' : `${r.rate}%（${r.attended}）`) },
          ...(assessment ? [{ title: t('passed'), key: 'passed', render: (_: unknown, r: Resident) => (
            <Select size="small" style={{ width: 100 }} disabled={!manage} aria-label={`${t('passed')} ${r.name}`}
              value={passed[r.enrolmentId] ?? r.passed ?? undefined} onChange={(v: boolean) => setPassed({ ...passed, [r.enrolmentId]: v })}
              options={[{ value: true, label: t('pass') }, { value: false, label: t('fail') }]} />) }] : []),
          ...s.sessions.map((session) => ({
            title: `${session.seq}`, key: session.id,
            render: (_: unknown, r: Resident) => (
              <Select size="small" style={{ width: 84 }} variant="borderless" aria-label={`${r.name} ${session.seq} ${shanghaiText(session.startsAt)}`}
                disabled={session.status === 'cancelled'} value={markOf(session.id, r.userId) ?? undefined} placeholder={t('status.none')}
                onChange={(v: AttendanceStatus) => act(() => attendanceApi.mark(session.id, [{ userId: r.userId, status: v }]), t('saved'))}
                options={ATTENDANCE_STATUSES.map((st) => ({ value: st, label: t(`status.${st}`) }))} />
            ),
          })),
        ]} />
    </Space>
  );
}

/** The class's certificates; staff revoke one with a reason. */
function CertificatesTab(props: { t: AttendanceT; classId: string }) {
  const { t, classId } = props;
  const problemText = useProblemText();
  const { message } = App.useApp();
  const list = useQuery(`att-certs-${classId}`, (signal) => attendanceApi.certificates(classId, signal));
  const [revoking, setRevoking] = useState<Certificate | null>(null);
  const [reason, setReason] = useState('');
  const revoke = async () => {
    try {
      await attendanceApi.revoke(revoking!.id, reason.trim());
      message.success(t('saved'));
      setRevoking(null);
      setReason('');
      list.reload();
    } catch (failure) {
      message.error(problemText(failure));
    }
  };
  if (list.error) return <Alert type="error" showIcon title={problemText(list.error)} />;
  return (
    <>
      <Table<Certificate> rowKey="id" size="small" loading={list.loading} dataSource={list.data?.items ?? []} pagination={false}
        data-testid="learning-certificates" columns={[
          { title: t('number'), dataIndex: 'number' },
          { title: t('name'), dataIndex: 'holderName' },
          { title: t('issuedAt'), dataIndex: 'issuedAt', render: (v: string) => shanghaiText(v) },
          { title: t('status'), key: 'status', render: (_, c) => (c.valid ? <Tag color="green">{t('valid')}</Tag> : <Tag color="red">{t('revoked')}</Tag>) },
          { title: t('actions'), key: 'actions', render: (_, c) => (
            <Space>
              <a href={`/certificates/${c.id}/print`} target="_blank" rel="noreferrer">{t('print')}</a>
              <a href={`/verify/${c.code}`} target="_blank" rel="noreferrer">{t('verify')}</a>
              {c.valid ? <Button size="small" danger onClick={() => setRevoking(c)}>{t('revoke')}</Button> : null}
            </Space>
          ) },
        ]} />
      <Modal open={revoking !== null} title={revoking ? t('revokeTitle', { number: revoking.number }) : ''} onCancel={() => setRevoking(null)}
        onOk={revoke} okButtonProps={{ danger: true, disabled: reason.trim().length < 2 }} okText={t('revoke')}>
        <Input.TextArea aria-label={t('revokeReason')} placeholder={t('revokeReason')} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </>
  );
}

/** 考勤与结业: a class's attendance sheet, its completion run and its certificates. */
export default function AttendancePage() {
  const t = useAttendanceT();
  const { can } = useAuth();
  const [q, setQ] = useState('');
  const [classId, setClassId] = useState<string | null>(null);
  const classes = useQuery(`att-classes-${q}`, (signal) => catalogueApi.classes({ q, pageSize: 50 }, signal));
  const manage = can('learning.certificate.manage');
  return (
    <PageContainer title={t('title')} description={t('description')}>
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Select showSearch style={{ width: '100%', maxWidth: 520 }} placeholder={t('pickClassHint')} aria-label={t('pickClass')} filterOption={false}
          onSearch={setQ} value={classId ?? undefined} onChange={(v: string) => setClassId(v)} data-testid="attendance-class-picker"
          options={(classes.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.title} · ${c.institutionName} · ${c.termName}` }))} />
        {classId ? (
          <Tabs destroyOnHidden items={[
            { key: 'sheet', label: t('tabSheet'), children: <SheetTab t={t} classId={classId} manage={manage} /> },
            ...(manage ? [{ key: 'certs', label: t('tabCertificates'), children: <CertificatesTab t={t} classId={classId} /> }] : []),
          ]} />
        ) : null}
      </Space>
    </PageContainer>
  );
}
