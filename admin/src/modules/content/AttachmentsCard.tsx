import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Tag, Typography, Upload } from 'antd';
import { useProblemText } from '../../core/api/useProblemText';
import { useUpload } from '../../core/hooks/useUpload';
import { useT } from '../../core/i18n/useT';
import { ConfirmDeleteButton } from '../../core/ui/ConfirmDeleteButton';
import { itemsApi } from './api';
import type { Attachment, ItemDetail } from './types';

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

interface Props {
  item: ItemDetail;
  /** Reloads the item after an upload or a removal. */
  onChanged: () => void;
}

/** Attachments of an item (and the original Word file of an import, kept as the record). */
export function AttachmentsCard({ item, onChanged }: Props) {
  const t = useT();
  const problemText = useProblemText();
  const { message } = App.useApp();
  const editable = item.abilities.edit;
  const { uploading, upload } = useUpload(async (file) => {
    await itemsApi.uploadAttachment(item.id, file);
    onChanged();
    message.success(t('content.attachments.uploaded', { name: file.name }));
  });

  const remove = async (attachment: Attachment) => {
    try {
      await itemsApi.removeAttachment(item.id, attachment.id);
      onChanged();
    } catch (failure) {
      message.error(problemText(failure));
    }
  };

  return (
    <Card
      title={t('content.attachments.title')}
      size="small"
      data-testid="attachments-card"
      extra={
        editable ? (
          <Upload
            showUploadList={false}
            multiple={false}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button size="small" icon={<UploadOutlined aria-hidden />} loading={uploading} data-testid="attachment-upload">
              {t('content.attachments.upload')}
            </Button>
          </Upload>
        ) : null
      }
    >
      {item.attachments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('content.attachments.empty')} />
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="attachments-list">
          {item.attachments.map((attachment) => (
            <li key={attachment.id} style={{ padding: '6px 0', borderBottom: '1px solid rgba(5,5,5,0.06)' }}>
              <Flex justify="space-between" align="center" gap={8}>
                <span style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                  <PaperClipOutlined aria-hidden style={{ marginInlineEnd: 6 }} />
                  <a href={attachment.url} target="_blank" rel="noreferrer">
                    {attachment.title || attachment.originalName}
                  </a>
                  {attachment.role !== 'attachment' ? (
                    <Tag style={{ marginInlineStart: 8 }}>{t(`content.attachments.role.${attachment.role}`)}</Tag>
                  ) : null}
                  <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                    {sizeText(attachment.size)}
                  </Typography.Text>
                </span>
                {editable && attachment.role !== 'original' ? (
                  <ConfirmDeleteButton confirm={t('content.attachments.deleteConfirm')} label={t('content.delete')} onConfirm={() => remove(attachment)} />
                ) : null}
              </Flex>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
