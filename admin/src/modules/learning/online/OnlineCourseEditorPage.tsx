import { ArrowDownOutlined, ArrowUpOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, InputNumber, Popconfirm, Select, Space, Switch, Table, Tag, Upload } from 'antd';
import { ModalForm } from '../../../core/ui/ModalForm';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useProblemText } from '../../../core/api/useProblemText';
import { useQuery } from '../../../core/api/useQuery';
import { PageContainer } from '../../../core/ui/PageContainer';
import { useFormSubmit } from '../../../core/api/useFormSubmit';
import { CATEGORIES } from '../catalogue/catalogueApi';
import { useCatalogueT } from '../catalogue/catalogueText';
import { onlineApi, type CourseFields, type Lesson, type LessonFields, type LessonKind, type OnlineCourseDetail } from './onlineApi';
import { useOnlineT } from './onlineText';

const COURSE_FIELDS = ['title', 'category', 'description', 'hours', 'credits', 'coverText'] as const;
const LESSON_FIELDS = ['kind', 'title', 'body', 'durationSeconds', 'required'] as const;
const ACCEPT: Record<LessonKind, string> = { text: '', document: '.pdf,.docx', video: '.mp4,.webm' };

/** Adds a lesson or edits one (its kind is fixed once created). */
function LessonModal({ course, editing, open, onClose, onSaved }: {
  course: OnlineCourseDetail; editing: Lesson | null; open: boolean; onClose: () => void; onSaved: (c: OnlineCourseDetail) => void;
}) {
  const t = useOnlineT();
  const [form] = Form.useForm<LessonFields & { kind: LessonKind }>();
  const { run, submitting, error, clearError } = useFormSubmit(form, LESSON_FIELDS);
  const kind = Form.useWatch('kind', form) ?? editing?.kind ?? 'text';

  useEffect(() => {
    if (!open) return;
    clearError();
    form.resetFields();
    form.setFieldsValue(editing ? { kind: editing.kind, title: editing.title, body: editing.body, durationSeconds: editing.durationSeconds, required: editing.required }
      : { kind: 'text', required: true });
  }, [open, editing, form, clearError]);

  const save = async () => {
    const v = await form.validateFields();
    const fields: LessonFields = { title: v.title, required: v.required,
      ...(v.kind === 'text' ? { body: v.body ?? '' } : {}), ...(v.kind === 'video' ? { durationSeconds: v.durationSeconds } : {}) };
    const saved = await run(() => (editing ? onlineApi.updateLesson(editing.id, fields) : onlineApi.addLesson(course.id, { ...fields, kind: v.kind })));
    if (saved) onSaved(saved);
  };

  return (
    <ModalForm open={open} title={editing ? t('editLesson') : t('addLesson')} form={form} name="onlineLessonForm"
      onOk={() => void save().catch(() => undefined)} onCancel={onClose} submitting={submitting} error={error} width={720} testId="online-lesson-form">
      <Form.Item name="kind" label={t('kind')} rules={[{ required: true }]}>
        <Select disabled={Boolean(editing)} options={(['text', 'document', 'video'] as const).map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="title" label={t('lessonTitle')} rules={[{ required: true, max: 100 }]}><Input /></Form.Item>
      {kind === 'text' ? <Form.Item name="body" label={t('body')} rules={[{ required: true }]}><Input.TextArea rows={10} /></Form.Item> : null}
      {kind === 'video' ? (
        <Form.Item name="durationSeconds" label={t('durationSeconds')} rules={[{ required: true }]}><InputNumber min={1} max={43200} precision={0} /></Form.Item>
      ) : null}
      <Form.Item name="required" label={t('required')} valuePropName="checked"><Switch /></Form.Item>
    </ModalForm>
  );
}

/** One online course: its fields, and its lessons in order (add, edit, move, upload a file, remove). */
export default function OnlineCourseEditorPage() {
  const { id = '' } = useParams();
  const t = useOnlineT();
  const ct = useCatalogueT();
  const problemText = useProblemText();
  const { message } = App.useApp();
  const loaded = useQuery(`online-${id}`, (signal) => onlineApi.get(id, signal));
  const [course, setCourse] = useState<OnlineCourseDetail | null>(null);
  const [lessonModal, setLessonModal] = useState<{ open: boolean; editing: Lesson | null }>({ open: false, editing: null });
  const [busy, setBusy] = useState<string | null>(null);
  const [form] = Form.useForm<CourseFields>();
  const { run, submitting, error } = useFormSubmit(form, COURSE_FIELDS);

  useEffect(() => {
    if (loaded.data) setCourse(loaded.data);
  }, [loaded.data]);
  useEffect(() => {
    if (course) form.setFieldsValue({ title: course.title, category: course.category, description: course.description, hours: course.hours, credits: course.credits, coverText: course.coverText });
  }, [course, form]);

  const act = async (key: string, action: () => Promise<OnlineCourseDetail>, done?: string) => {
    setBusy(key);
    try {
      setCourse(await action());
      if (done) message.success(done);
    } catch (failure) {
      message.error(problemText(failure));
    } finally {
      setBusy(null);
    }
  };

  if (!course) {
    return <PageContainer title={t('title')}>{loaded.error ? <Alert type="error" showIcon message={problemText(loaded.error)} /> : null}</PageContainer>;
  }
  const locked = course.status === 'published';
  const move = (index: number, by: -1 | 1) => {
    const ids = course.lessons.map((l) => l.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + by, 0, moved!);
    void act(`move-${index}`, () => onlineApi.reorder(course.id, ids));
  };

  const saveCourse = async () => {
    const v = await form.validateFields();
    const saved = await run(() => onlineApi.update(course.id, course.version, v));
    if (saved) {
      setCourse(saved);
      message.success(t('saved'));
    }
  };

  const columns: ColumnsType<Lesson> = [
    { title: '#', dataIndex: 'seq', key: 'seq', width: 56 },
    { title: t('lessonTitle'), dataIndex: 'title', key: 'title' },
    { title: t('kind'), key: 'kind', render: (_, l) => <Space size={4}><Tag>{t(`kind.${l.kind}`)}</Tag>{l.required ? null : <Tag>{t('required')} ✗</Tag>}</Space> },
    {
      title: t('file'), key: 'file',
      render: (_, l) => (l.kind === 'text' ? '—' : (
        <Space size="small" wrap>
          {l.file ? <a href={onlineApi.fileUrl(course.id, l.id)} target="_blank" rel="noreferrer">{l.file.name}</a> : <span>{t('noFile')}</span>}
          {locked ? null : (
            <Upload accept={ACCEPT[l.kind]} showUploadList={false} maxCount={1}
              beforeUpload={(file) => { void act(`file-${l.id}`, () => onlineApi.uploadFile(l.id, file), t('uploaded')); return false; }}>
              <Button size="small" icon={<UploadOutlined aria-hidden />} loading={busy === `file-${l.id}`}>{l.file ? t('replace') : t('upload')}</Button>
            </Upload>
          )}
        </Space>
      )),
    },
    {
      title: t('actions'), key: 'actions',
      render: (_, l, index) => (locked ? null : (
        <Space size="small" wrap>
          <Button size="small" icon={<ArrowUpOutlined aria-hidden />} aria-label={t('moveUp')} disabled={index === 0} onClick={() => move(index, -1)} />
          <Button size="small" icon={<ArrowDownOutlined aria-hidden />} aria-label={t('moveDown')} disabled={index === course.lessons.length - 1} onClick={() => move(index, 1)} />
          <Button type="link" size="small" onClick={() => setLessonModal({ open: true, editing: l })}>{t('edit')}</Button>
          <Popconfirm title={t('confirmRemove')} onConfirm={() => act(`rm-${l.id}`, () => onlineApi.removeLesson(l.id))}>
            <Button type="link" size="small" danger>{t('remove')}</Button>
          </Popconfirm>
        </Space>
      )),
    },
  ];

  return (
    <PageContainer title={course.title} description={`${course.institutionName} · ${t(`status.${course.status}`)}`}
      extra={(
        <Space wrap>
          <Link to="/learning/online">{t('back')}</Link>
          <Popconfirm title={locked ? t('unpublish') : t('confirmPublish')}
            onConfirm={() => act('status', () => (locked ? onlineApi.unpublish(course.id, course.version) : onlineApi.publish(course.id, course.version)), t('saved'))}>
            <Button type="primary" loading={busy === 'status'} data-testid="online-editor-toggle">{locked ? t('unpublish') : t('publish')}</Button>
          </Popconfirm>
        </Space>
      )}>
      <Card title={t('courseTitle')} style={{ marginBottom: 16 }}>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
        <Form form={form} layout="vertical" name="onlineCourseEdit">
          <Form.Item name="title" label={t('courseTitle')} rules={[{ required: true, max: 100 }]}><Input /></Form.Item>
          <Space wrap>
            <Form.Item name="category" label={t('category')} rules={[{ required: true }]}>
              <Select style={{ width: 180 }} options={CATEGORIES.map((c) => ({ value: c, label: ct(`cat.${c}`) }))} />
            </Form.Item>
            <Form.Item name="hours" label={t('hours')} rules={[{ required: true }]}><InputNumber min={0} max={10000} step={0.5} precision={1} /></Form.Item>
            <Form.Item name="credits" label={t('credits')}><InputNumber min={0} max={1000} step={0.5} precision={1} /></Form.Item>
          </Space>
          <Form.Item name="coverText" label={t('coverText')} rules={[{ max: 200 }]}><Input /></Form.Item>
          <Form.Item name="description" label={t('courseDescription')} rules={[{ max: 4000 }]}><Input.TextArea rows={3} /></Form.Item>
          <Button onClick={() => void saveCourse().catch(() => undefined)} loading={submitting}>{t('save')}</Button>
        </Form>
      </Card>
      <Card title={t('lessons')} extra={locked ? null : (
        <Button icon={<PlusOutlined aria-hidden />} onClick={() => setLessonModal({ open: true, editing: null })} data-testid="online-add-lesson">{t('addLesson')}</Button>
      )}>
        {locked ? <Alert type="info" showIcon message={t('lockedHint')} style={{ marginBottom: 16 }} /> : null}
        <Table<Lesson> rowKey="id" columns={columns} dataSource={course.lessons} pagination={false} scroll={{ x: 800 }} />
      </Card>
      <LessonModal course={course} editing={lessonModal.editing} open={lessonModal.open} onClose={() => setLessonModal({ open: false, editing: null })}
        onSaved={(c) => { setCourse(c); setLessonModal({ open: false, editing: null }); message.success(t('saved')); }} />
    </PageContainer>
  );
}
