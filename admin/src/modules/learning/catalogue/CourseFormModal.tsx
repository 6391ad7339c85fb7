import { Form, Input, InputNumber, Select } from 'antd';
import { useQuery } from '../../../core/api/useQuery';
import { idKey } from '../../users/regionTree';
import { useInstitutions } from '../../users/useReferenceData';
import { FormModal } from '../../../core/ui/FormModal';
import { catalogueApi, CATEGORIES, type Course, type CourseFields } from './catalogueApi';
import { useCatalogueT } from './catalogueText';

const FIELDS = ['institutionId', 'title', 'category', 'description', 'audience', 'hours', 'credits', 'teacherUserId'] as const;
const LEARNING_KINDS = new Set(['community_education_center', 'citizen_school', 'seniors_school', 'adult_culture_tech_school', 'party_school',
  'population_school', 'farmer_training_school', 'culture_sports_venue', 'enterprise_training', 'other']);

/** Creates or edits a course; hours and credits take one decimal place; the teacher comes from the institution's teachers. */
export function CourseFormModal({ open, editing, onClose, onSaved }: { open: boolean; editing: Course | null; onClose: () => void; onSaved: () => void }) {
  const t = useCatalogueT();
  const [form] = Form.useForm<CourseFields>();
  const institutions = useInstitutions(open && !editing);
  const institutionId = Form.useWatch('institutionId', form) ?? editing?.institutionId;
  const teachers = useQuery(open && institutionId ? `teachers-${institutionId}` : null, (signal) => catalogueApi.teachers(institutionId!, signal));

  const submit = async (v: CourseFields) => {
    const body: CourseFields = { title: v.title, category: v.category, description: v.description ?? '', audience: v.audience ?? '',
      hours: v.hours, credits: v.credits ?? 0, teacherUserId: v.teacherUserId ?? null };
    return editing ? catalogueApi.updateCourse(editing.id, editing.version, body) : catalogueApi.createCourse({ ...body, institutionId: v.institutionId });
  };

  return (
    <FormModal open={open} editing={editing} title={editing ? t('edit') : t('createCourse')} form={form} name="courseForm" fields={FIELDS}
      initialValues={(editing): Partial<CourseFields> => (editing ? { ...editing } : { category: 'digital', hours: 8, credits: 0.5, teacherUserId: null })}
      submit={submit} savedText={() => t('saved')} staleText={t('stale')} onClose={onClose} onSaved={() => onSaved()} width={640} testId="course-form">
      <Form.Item name="institutionId" label={t('institution')} rules={[{ required: !editing }]}>
        {editing ? <Select disabled options={[{ value: editing.institutionId, label: editing.institutionName }]} />
          : <Select showSearch optionFilterProp="label" data-testid="course-institution"
            options={(institutions.data ?? []).filter((i) => LEARNING_KINDS.has(i.kind)).map((i) => ({ value: idKey(i.id), label: i.name }))} />}
      </Form.Item>
      <Form.Item name="title" label={t('courseTitle')} rules={[{ required: true, max: 100 }]}><Input data-testid="course-title" /></Form.Item>
      <Form.Item name="category" label={t('category')} rules={[{ required: true }]}>
        <Select options={CATEGORIES.map((c) => ({ value: c, label: t(`cat.${c}`) }))} />
      </Form.Item>
      <Form.Item name="hours" label={t('hours')} rules={[{ required: true }]}><InputNumber min={0} max={10000} step={0.5} precision={1} /></Form.Item>
      <Form.Item name="credits" label={t('credits')}><InputNumber min={0} max={1000} step={0.5} precision={1} /></Form.Item>
      <Form.Item name="teacherUserId" label={t('teacher')}>
        <Select allowClear loading={teachers.loading} options={(teachers.data?.items ?? []).map((x) => ({ value: x.id, label: x.displayName }))} />
      </Form.Item>
      <Form.Item name="audience" label={t('audience')} rules={[{ max: 200 }]}><Input /></Form.Item>
      <Form.Item name="description" label={t('courseDescription')} rules={[{ max: 4000 }]}><Input.TextArea rows={4} /></Form.Item>
    </FormModal>
  );
}
