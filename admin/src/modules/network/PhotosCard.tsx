import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Input, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useProblemText } from '../../core/api/useProblemText';
import { useUpload } from '../../core/hooks/useUpload';
import { useQuery } from '../../core/api/useQuery';
import { PERMISSIONS } from '../../core/auth/permissions';
import { useAuth } from '../../core/auth/useAuth';
import { formatDateTime } from '../../core/format/datetime';
import { useT } from '../../core/i18n/useT';
import { ConfirmDeleteButton } from '../../core/ui/ConfirmDeleteButton';
import { photosApi } from './photosApi';

const ACCEPT = 'image/png,image/jpeg,image/webp,image/gif';
const MAX_CAPTION = 100;

/** An institution's photos: upload with a caption (it is also the alt text on the public page), list, delete. */
export function PhotosCard({ institutionId, editable }: { institutionId: string; editable: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const { can } = useAuth();
  const canEdit = editable && can(PERMISSIONS.networkInstitutionUpdate);
  const photos = useQuery(`photos:${institutionId}`, (signal) => photosApi.list(institutionId, signal));
  const [caption, setCaption] = useState('');
  const { uploading, upload } = useUpload(async (file) => {
    await photosApi.upload(institutionId, file, caption.trim());
    setCaption('');
    message.success(t('network.photos.uploaded'));
    photos.reload();
  });

  const remove = async (photoId: string) => {
    try {
      await photosApi.remove(institutionId, photoId);
      photos.reload();
    } catch (failure) {
      message.error(problemText(failure));
    }
  };

  const items = photos.data?.items ?? [];
  const full = photos.data !== undefined && items.length >= photos.data.max;
  return (
    <Card size="small" title={t('network.photos.title')}
      extra={photos.data ? t('network.photos.count', { count: items.length, max: photos.data.max }) : null} data-testid="photos-card" loading={photos.loading && !photos.data}>
      {photos.error ? <Alert type="error" showIcon title={problemText(photos.error)} style={{ marginBottom: 12 }} /> : null}
      {canEdit ? (
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Input value={caption} onChange={(e) => setCaption(e.target.value)} maxLength={MAX_CAPTION} showCount
            placeholder={t('network.photos.captionPlaceholder')} aria-label={t('network.photos.caption')} style={{ flex: '1 1 200px' }}
            data-testid="photo-caption" />
          <Upload showUploadList={false} multiple={false} accept={ACCEPT} beforeUpload={(file) => { void upload(file); return false; }}>
            <Button icon={<UploadOutlined aria-hidden />} loading={uploading} disabled={full} data-testid="photo-upload">{t('network.photos.upload')}</Button>
          </Upload>
        </Flex>
      ) : null}
      {items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('network.photos.empty')} /> : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', gap: 12 }}
          data-testid="photos-list">
          {items.map((photo) => (
            <li key={photo.id} style={{ border: '1px solid rgba(5,5,5,0.06)', borderRadius: 8, overflow: 'hidden' }}>
              <a href={photo.url} target="_blank" rel="noreferrer">
                <img src={photo.url} alt={photo.caption || t('network.photos.untitled')} loading="lazy"
                  style={{ display: 'block', width: '100%', aspectRatio: '4 / 3', objectFit: 'cover', background: '#f5f5f5' }} />
              </a>
              <Flex justify="space-between" align="flex-start" gap={4} style={{ padding: '6px 8px' }}>
                <div style={{ minWidth: 0 }}>
                  <Typography.Text style={{ display: 'block', overflowWrap: 'anywhere' }}>{photo.caption || '—'}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(photo.createdAt)}</Typography.Text>
                </div>
                {canEdit ? (
                  <ConfirmDeleteButton confirm={t('network.photos.deleteConfirm')} label={t('network.partners.remove')} onConfirm={() => remove(photo.id)}
                    testId={`photo-delete-${photo.id}`} />
                ) : null}
              </Flex>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
