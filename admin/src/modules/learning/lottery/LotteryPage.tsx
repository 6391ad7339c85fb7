import { Alert, App, Button, Card, Descriptions, InputNumber, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useProblemText } from '../../../core/api/useProblemText';
import { useQuery } from '../../../core/api/useQuery';
import { PageContainer } from '../../../core/ui/PageContainer';
import { catalogueApi, shanghaiText } from '../catalogue/catalogueApi';
import { lotteryApi, RULE_KINDS, type PriorityRule, type RuleKind, type StaffLottery } from './lotteryApi';
import { useLotteryT, type LotteryT } from './lotteryText';

/** 摇号管理: pick a lottery class, set its priority groups (the first save commits the seed), follow counts, draw. */
export default function LotteryPage() {
  const t = useLotteryT();
  const problemText = useProblemText();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [classId, setClassId] = useState<string | null>(null);
  const classes = useQuery(`lottery-classes-${q}`, (signal) => catalogueApi.classes({ q, status: 'open', pageSize: 50 }, signal));
  const lottery = useQuery(classId ? `lottery-${classId}` : null, (signal) => lotteryApi.get(classId!, signal));
  const [rules, setRules] = useState<PriorityRule[]>([]);
  useEffect(() => { setRules(lottery.data?.lottery?.priorityGroups ?? [{ rule: 'never_enrolled' }, { rule: 'resident_of_town' }]); }, [lottery.data]);

  const run = async (action: () => Promise<unknown>) => {
    try {
      await action();
      message.success(t('saved'));
      lottery.reload();
    } catch (failure) {
      message.error(problemText(failure));
    }
  };
  const l = lottery.data;
  const lotteryClasses = (classes.data?.items ?? []).filter((c) => c.mode === 'lottery');
  return (
    <PageContainer title={t('title')} description={t('description')}>
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Select showSearch style={{ width: '100%', maxWidth: 520 }} placeholder={t('pickClassHint')} aria-label={t('pickClass')} filterOption={false}
          onSearch={setQ} value={classId ?? undefined} onChange={(v: string) => setClassId(v)} data-testid="lottery-class-picker"
          options={lotteryClasses.map((c) => ({ value: c.id, label: `${c.title} · ${c.institutionName} · ${c.termName}` }))} />
        {lottery.error ? <Alert type="error" showIcon title={problemText(lottery.error)} /> : null}
        {l ? <LotteryCard t={t} l={l} rules={rules} setRules={setRules}
          onSave={() => run(() => lotteryApi.configure(l.classId, rules))} onDraw={() => run(() => lotteryApi.draw(l.classId))} /> : null}
      </Space>
    </PageContainer>
  );
}

function LotteryCard(props: { t: LotteryT; l: StaffLottery; rules: PriorityRule[]; setRules: (r: PriorityRule[]) => void; onSave: () => void; onDraw: () => void }) {
  const { t, l, rules, setRules } = props;
  const lot = l.lottery;
  const open = !lot?.drawnAt && new Date(l.enrolClosesAt).getTime() > Date.now();
  const label = (r: PriorityRule | null) => (r ? (r.rule === 'age_at_least' ? `${t('rule.age_at_least').replace('N', String(r.age))}` : t(`rule.${r.rule}`)) : t('everyoneElse'));
  const setKind = (i: number, kind: RuleKind) => setRules(rules.map((r, k) => (k !== i ? r : kind === 'age_at_least' ? { rule: kind, age: 60 } : { rule: kind })));
  return (
    <Card title={l.title} size="small">
      {l.mode !== 'lottery' ? <Alert type="warning" showIcon title={t('notLottery')} /> : null}
      <Typography.Paragraph>
        {t('window', { opens: shanghaiText(l.enrolOpensAt), closes: shanghaiText(l.enrolClosesAt) })} · {t('seats', { taken: l.seatsTaken, seats: l.seats })}
        {' · '}<a href={`/classes/${l.classId}/draw`} target="_blank" rel="noreferrer">{t('publicPage')}</a>
      </Typography.Paragraph>
      {lot ? (
        <Descriptions size="small" column={1} items={[
          { key: 'hash', label: t('seedHash'), children: <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>{lot.seedHash}</Typography.Text> },
          { key: 'at', label: t('committedAt'), children: shanghaiText(lot.committedAt) },
          ...(lot.seed ? [{ key: 'seed', label: t('seed'), children: <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>{lot.seed}</Typography.Text> }] : []),
        ]} />
      ) : <Alert type="info" showIcon title={t('notSetUp')} />}
      {open && l.mode === 'lottery' ? (
        <Space direction="vertical" style={{ marginTop: 12 }}>
          <Typography.Text strong>{t('groups')}</Typography.Text>
          {rules.map((r, i) => (
            <Space key={i} wrap>
              <Typography.Text>{t('group', { n: i + 1 })}</Typography.Text>
              <Select style={{ width: 220 }} value={r.rule} aria-label={t('group', { n: i + 1 })} onChange={(v: RuleKind) => setKind(i, v)}
                options={RULE_KINDS.map((k) => ({ value: k, label: t(`rule.${k}`) }))} />
              {r.rule === 'age_at_least' ? <InputNumber min={1} max={120} value={r.age} aria-label={t('age')}
                onChange={(v) => setRules(rules.map((x, k) => (k === i ? { rule: 'age_at_least', age: Number(v ?? 60) } : x)))} /> : null}
              <Button size="small" onClick={() => setRules(rules.filter((_, k) => k !== i))}>{t('remove')}</Button>
            </Space>
          ))}
          <Typography.Text type="secondary">{t('group', { n: rules.length + 1 })}: {t('everyoneElse')}</Typography.Text>
          <Space>
            <Button onClick={() => setRules([...rules, { rule: 'never_enrolled' }])} disabled={rules.length >= 6}>{t('addRule')}</Button>
            <Button type="primary" onClick={props.onSave} data-testid="lottery-save">{lot ? t('saveGroups') : t('save')}</Button>
          </Space>
        </Space>
      ) : null}
      {lot ? (
        <Table size="small" rowKey="group" style={{ marginTop: 12 }} pagination={false} dataSource={lot.byGroup} columns={[
          { title: t('groups'), key: 'g', render: (_, row) => `${t('group', { n: row.group })} · ${label(lot.priorityGroups[row.group - 1] ?? null)}` },
          { title: t('applied'), dataIndex: 'applied' },
          { title: t('won'), dataIndex: 'won' },
          { title: t('lost'), dataIndex: 'lost' },
        ]} footer={() => t('withdrawn', { n: lot.withdrawn })} />
      ) : null}
      {lot?.summary && lot.drawnAt ? <Alert style={{ marginTop: 12 }} type="success" showIcon
        title={t('drawn', { at: shanghaiText(lot.drawnAt), applicants: lot.summary.applicants, winners: lot.summary.winners, waitlisted: lot.summary.waitlisted })} /> : null}
      {lot && !lot.drawnAt ? (
        <Popconfirm title={t('drawConfirm')} onConfirm={props.onDraw}>
          <Button danger style={{ marginTop: 12 }} disabled={open} data-testid="lottery-draw">{t('draw')}</Button>
        </Popconfirm>
      ) : null}
    </Card>
  );
}
