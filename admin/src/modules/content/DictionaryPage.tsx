import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useProblemText } from '../../core/api/useProblemText';
import { useQuery } from '../../core/api/useQuery';
import { formatDateTime } from '../../core/format/datetime';
import { useT } from '../../core/i18n/useT';
import { PageContainer } from '../../core/ui/PageContainer';
import { useFormSubmit } from '../../core/api/useFormSubmit';
import { ConfirmDeleteButton } from '../../core/ui/ConfirmDeleteButton';
import { dictionaryApi } from './api';
import type { DictionaryWord } from './types';

const FIELDS = ['word'] as const;

/** 搜索词典: words the search segmenter keeps whole (社区教育, 老年大学…); changes apply without a restart. */
export default function DictionaryPage() {
  const t = useT();
  const problemText = useProblemText();
  const { message } = App.useApp();
  const words = useQuery('content-dictionary', (signal) => dictionaryApi.list(signal));
  const [form] = Form.useForm<{ word: string }>();
  const { run, submitting, error } = useFormSubmit(form, FIELDS);
  const [filter, setFilter] = useState('');
  // Words admins added come first (newest first): the built-in list is long and rarely what one looks for.
  const shown = useMemo(
    () =>
      (words.data?.items ?? [])
        .filter((w) => !filter.trim() || w.word.includes(filter.trim()))
        .sort((a, b) => Number(a.builtIn) - Number(b.builtIn) || (b.createdAt ?? '').localeCompare(a.createdAt ?? '')),
    [words.data, filter],
  );

  const add = async ({ word }: { word: string }) => {
    const added = await run(() => dictionaryApi.add(word.trim()));
    if (!added) return;
    message.success(t('content.dictionary.added', { word: word.trim() }));
    form.resetFields();
    words.reload();
  };

  const remove = async (word: string) => {
    try {
      await dictionaryApi.remove(word);
      message.success(t('content.dictionary.removed', { word }));
      words.reload();
    } catch (failure) {
      message.error(problemText(failure));
    }
  };

  return (
    <PageContainer title={t('content.dictionary.title')} description={t('content.dictionary.description')}>
      <Card>
        <Form form={form} name="dictionaryAdd" layout="inline" onFinish={add} style={{ rowGap: 12 }}>
          <Form.Item
            name="word"
            label={t('content.dictionary.word')}
            rules={[{ required: true, whitespace: true, message: t('content.field.required') }, { max: 40 }]}
          >
            <Input style={{ width: 200 }} data-testid="dictionary-word" />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" icon={<PlusOutlined aria-hidden />} loading={submitting} data-testid="dictionary-add">
              {t('content.dictionary.add')}
            </Button>
          </Form.Item>
          <Form.Item label={t('content.dictionary.filter')}>
            <Input.Search allowClear value={filter} onChange={(e) => setFilter(e.target.value)} style={{ width: 200 }} />
          </Form.Item>
        </Form>
        {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} /> : null}
        {words.error ? <Alert type="error" showIcon title={problemText(words.error)} style={{ marginTop: 16 }} /> : null}
        <Table<DictionaryWord>
          style={{ marginTop: 16 }}
          rowKey="word"
          size="small"
          loading={words.loading}
          dataSource={shown}
          data-testid="dictionary-table"
          pagination={{ pageSize: 50, showTotal: (total) => t('common.total', { total }) }}
          columns={[
            { title: t('content.dictionary.word'), dataIndex: 'word' },
            {
              title: t('content.dictionary.origin'),
              dataIndex: 'builtIn',
              width: 120,
              render: (builtIn: boolean) =>
                builtIn ? <Tag>{t('content.dictionary.builtIn')}</Tag> : <Tag color="blue">{t('content.dictionary.custom')}</Tag>,
            },
            { title: t('content.dictionary.addedAt'), dataIndex: 'createdAt', width: 180, render: (v: string | null) => formatDateTime(v) },
            {
              title: t('content.jobs.actions'),
              key: 'actions',
              width: 90,
              // Built-in words ship with the platform: they cannot be removed.
              render: (_: unknown, w) =>
                w.builtIn ? null : (
                  <ConfirmDeleteButton confirm={t('content.dictionary.removeConfirm', { word: w.word })} label={t('content.delete')}
                    onConfirm={() => remove(w.word)} />
                ),
            },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
