import { Checkbox, Col, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import { useEffect } from 'react';
import { useQuery } from '../../../core/api/useQuery';
import { idKey } from '../../users/regionTree';
import { useRegions } from '../../users/useReferenceData';
import { FormModal } from '../../../core/ui/FormModal';
import { catalogueApi, fromLocalInput, toLocalInput, type ClassFields, type LearningClass } from './catalogueApi';
import { useCatalogueT } from './catalogueText';

const FIELDS = ['courseId', 'termId', 'title', 'teacherUserId', 'scheduleKind', 'weekdays', 'dates', 'startsOn', 'endsOn', 'startTime', 'endTime',
  'venue', 'seats', 'feeYuan', 'ageMin', 'ageMax', 'residencyRegionId', 'prerequisiteCourseId', 'mode', 'returningOpensAt', 'enrolOpensAt',
  'enrolClosesAt', 'offerHours', 'completionRule', 'completionThreshold'] as const;

type Values = Omit<ClassFields, 'feeFen' | 'returningOpensAt' | 'enrolOpensAt' | 'enrolClosesAt'> & {
  feeYuan: number; returningOpensAt?: string; enrolOpensAt: string; enrolClosesAt: string;
};

/**
 * Opens or edits a class: schedule (weekly days between two dates, or listed dates), seats, fee in yuan (sent in fen),
 * eligibility and enrolment windows (entered in Shanghai time). Field errors from the server land on their fields.
 */
export function ClassFormModal({ open, editing, onClose, onSaved }: { open: boolean; editing: LearningClass | null; onClose: () => void; onSaved: () => void }) {
  const t = useCatalogueT();
  const [form] = Form.useForm<Values>();
  const regions = useRegions();
  const terms = useQuery(open ? 'learning-terms' : null, (signal) => catalogueApi.terms(signal));
  const courses = useQuery(open ? 'learning-courses-all' : null, (signal) => catalogueApi.courses({ pageSize: 100 }, signal));
  const sessions = useQuery(open && editing?.scheduleKind === 'dates' ? `sessions-${editing.id}` : null, (signal) => catalogueApi.sessions(editing!.id, signal));
  const courseId = Form.useWatch('courseId', form) ?? editing?.courseId;
  const kind = Form.useWatch('scheduleKind', form) ?? 'weekly';
  const institutionId = editing?.institutionId ?? courses.data?.items.find((c) => c.id === courseId)?.institutionId;
  const teachers = useQuery(open && institutionId ? `teachers-${institutionId}` : null, (signal) => catalogueApi.teachers(institutionId!, signal));

  useEffect(() => {
    if (sessions.data) form.setFieldsValue({ dates: sessions.data.items.map((s) => toLocalInput(s.startsAt).slice(0, 10)) });
  }, [sessions.data, form]);

  const submit = async (v: Values) => {
    const body: ClassFields = {
      title: v.title ?? '', teacherUserId: v.teacherUserId ?? null, scheduleKind: v.scheduleKind, startTime: v.startTime, endTime: v.endTime,
      ...(v.scheduleKind === 'weekly' ? { weekdays: v.weekdays ?? [], startsOn: v.startsOn, endsOn: v.endsOn } : { dates: v.dates ?? [] }),
      venue: v.venue ?? '', seats: v.seats, feeFen: Math.round((v.feeYuan ?? 0) * 100), ageMin: v.ageMin ?? null, ageMax: v.ageMax ?? null,
      residencyRegionId: v.residencyRegionId ?? null, prerequisiteCourseId: v.prerequisiteCourseId ?? null, mode: v.mode,
      returningOpensAt: v.returningOpensAt ? fromLocalInput(v.returningOpensAt) : null, enrolOpensAt: fromLocalInput(v.enrolOpensAt),
      enrolClosesAt: fromLocalInput(v.enrolClosesAt), offerHours: v.offerHours, completionRule: v.completionRule, completionThreshold: v.completionThreshold,
    };
    if (!body.title) delete (body as Partial<ClassFields>).title;
    return editing ? catalogueApi.updateClass(editing.id, editing.version, body)
      : catalogueApi.createClass({ ...body, courseId: v.courseId, termId: v.termId });
  };

  const places = (regions.data ?? []).filter((r) => r.level === 'town' || r.level === 'village');
  const half = { xs: 24, sm: 12 };
  return (
    <FormModal open={open} editing={editing} title={editing ? t('edit') : t('createClass')} form={form} name="classForm" fields={FIELDS}
      initialValues={(editing): Partial<Values> => (editing ? {
        ...editing, feeYuan: editing.feeFen / 100, returningOpensAt: toLocalInput(editing.returningOpensAt),
        enrolOpensAt: toLocalInput(editing.enrolOpensAt), enrolClosesAt: toLocalInput(editing.enrolClosesAt),
      } : { scheduleKind: 'weekly', weekdays: [], startTime: '14:00', endTime: '16:00', seats: 30, feeYuan: 0, mode: 'first_come', offerHours: 48,
        completionRule: 'attendance', completionThreshold: 75, ageMin: null, ageMax: null, residencyRegionId: null, prerequisiteCourseId: null })}
      submit={submit} savedText={() => t('saved')} staleText={t('stale')} onClose={onClose} onSaved={() => onSaved()} width={760} testId="class-form">
      <Row gutter={12}>
        <Col {...half}>
          <Form.Item name="courseId" label={t('course')} rules={[{ required: !editing }]}>
            <Select disabled={Boolean(editing)} showSearch optionFilterProp="label" data-testid="class-course"
              options={editing ? [{ value: editing.courseId, label: editing.courseTitle }]
                : (courses.data?.items ?? []).filter((c) => c.status !== 'archived').map((c) => ({ value: c.id, label: `${c.title} · ${c.institutionName}` }))} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="termId" label={t('term')} rules={[{ required: !editing }]}>
            <Select disabled={Boolean(editing)} options={(terms.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))} />
          </Form.Item>
        </Col>
        <Col {...half}><Form.Item name="title" label={t('classTitle')} extra={t('classTitleHint')} rules={[{ max: 100 }]}><Input /></Form.Item></Col>
        <Col {...half}>
          <Form.Item name="teacherUserId" label={t('teacher')}>
            <Select allowClear options={(teachers.data?.items ?? []).map((x) => ({ value: x.id, label: x.displayName }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="scheduleKind" label={t('scheduleKind')}>
        <Radio.Group options={[{ value: 'weekly', label: t('weekly') }, { value: 'dates', label: t('dates') }]} />
      </Form.Item>
      {kind === 'weekly' ? (
        <Row gutter={12}>
          <Col span={24}>
            <Form.Item name="weekdays" label={t('weekdays')}>
              <Checkbox.Group options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: t(`day.${d}` as 'day.1') }))} />
            </Form.Item>
          </Col>
          <Col {...half}><Form.Item name="startsOn" label={t('startsOn')} rules={[{ required: true }]}><Input type="date" /></Form.Item></Col>
          <Col {...half}><Form.Item name="endsOn" label={t('endsOn')} rules={[{ required: true }]}><Input type="date" /></Form.Item></Col>
        </Row>
      ) : (
        <Form.Item name="dates" label={t('sessionDates')} extra={t('sessionDatesHint')}><Select mode="tags" tokenSeparators={[',', ' ', '，']} /></Form.Item>
      )}
      <Row gutter={12}>
        <Col {...half}><Form.Item name="startTime" label={t('startTime')} rules={[{ required: true }]}><Input type="time" /></Form.Item></Col>
        <Col {...half}><Form.Item name="endTime" label={t('endTime')} rules={[{ required: true }]}><Input type="time" /></Form.Item></Col>
        <Col span={24}><Form.Item name="venue" label={t('venue')} rules={[{ max: 200 }]}><Input /></Form.Item></Col>
        <Col {...half}><Form.Item name="seats" label={t('seats')} rules={[{ required: true }]}><InputNumber min={1} max={100000} precision={0} /></Form.Item></Col>
        <Col {...half}><Form.Item name="feeYuan" label={t('fee')}><InputNumber min={0} max={1000000} precision={2} /></Form.Item></Col>
        <Col {...half}><Form.Item name="ageMin" label={t('ageMin')}><InputNumber min={0} max={150} precision={0} /></Form.Item></Col>
        <Col {...half}><Form.Item name="ageMax" label={t('ageMax')}><InputNumber min={0} max={150} precision={0} /></Form.Item></Col>
        <Col {...half}>
          <Form.Item name="residencyRegionId" label={t('residency')} extra={t('residencyHint')}>
            <Select allowClear showSearch optionFilterProp="label" options={places.map((r) => ({ value: idKey(r.id), label: r.name }))} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="prerequisiteCourseId" label={t('prerequisite')}>
            <Select allowClear showSearch optionFilterProp="label" options={(courses.data?.items ?? []).filter((c) => c.id !== courseId).map((c) => ({ value: c.id, label: c.title }))} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="mode" label={t('mode')}>
            <Radio.Group options={[{ value: 'first_come', label: t('firstCome') }, { value: 'lottery', label: t('lottery') }]} />
          </Form.Item>
        </Col>
        <Col {...half}><Form.Item name="offerHours" label={t('offerHours')}><InputNumber min={1} max={336} precision={0} /></Form.Item></Col>
        <Col {...half}><Form.Item name="returningOpensAt" label={t('returningOpensAt')}><Input type="datetime-local" /></Form.Item></Col>
        <Col {...half}><Form.Item name="enrolOpensAt" label={t('enrolOpensAt')} rules={[{ required: true }]}><Input type="datetime-local" /></Form.Item></Col>
        <Col {...half}><Form.Item name="enrolClosesAt" label={t('enrolClosesAt')} rules={[{ required: true }]}><Input type="datetime-local" /></Form.Item></Col>
        <Col {...half}>
          <Form.Item name="completionRule" label={t('completionRule')}>
            <Radio.Group options={[{ value: 'attendance', label: t('attendance') }, { value: 'assessment', label: t('assessment') }]} />
          </Form.Item>
        </Col>
        <Col {...half}><Form.Item name="completionThreshold" label={t('completionThreshold')}><InputNumber min={0} max={100} precision={0} /></Form.Item></Col>
      </Row>
    </FormModal>
  );
}
