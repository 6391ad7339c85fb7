import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Flex, Upload } from 'antd';
import { useT } from '../../core/i18n/useT';
import { useUpload } from '../../core/hooks/useUpload';
import { indicatorValuesApi } from './standardsApi';

interface Props {
  institutionId: string;
  /** The evidence file id (a form field: antd passes value and onChange). */
  value?: string | null;
  onChange?: (fileId: string | null) => void;
  /** Known file names by id (from the values list and this session's uploads). */
  names: Readonly<Record<string, string>>;
  onUploaded: (fileId: string, name: string) => void;
  disabled: boolean;
  testId: string;
}

const ACCEPT = '.pdf,.docx,.xlsx,.png,.jpg,.jpeg,.webp,.gif';

/** An indicator's evidence file: a link to the stored one, an upload button, and a way to detach it. */
export function EvidenceField({ institutionId, value, onChange, names, onUploaded, disabled, testId }: Props) {
  const t = useT();
  const { uploading, upload } = useUpload(async (file) => {
    const stored = await indicatorValuesApi.uploadEvidence(institutionId, file);
    onUploaded(stored.fileId, stored.name);
    onChange?.(stored.fileId);
  });

  return (
    <Flex gap={8} align="center" wrap>
      {value ? (
        <>
          <a href={indicatorValuesApi.evidenceUrl(institutionId, value)} target="_blank" rel="noreferrer" style={{ overflowWrap: 'anywhere' }}>
            <PaperClipOutlined aria-hidden style={{ marginInlineEnd: 4 }} />
            {names[value] ?? t('network.indicators.evidenceFile')}
          </a>
          {!disabled ? (
            <Button size="small" type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('network.indicators.detach')}
              onClick={() => onChange?.(null)} />
          ) : null}
        </>
      ) : null}
      {!disabled ? (
        <Upload showUploadList={false} multiple={false} accept={ACCEPT}
          beforeUpload={(file) => { void upload(file); return false; }}>
          <Button size="small" icon={<UploadOutlined aria-hidden />} loading={uploading} data-testid={testId}>
            {value ? t('network.indicators.replaceEvidence') : t('network.indicators.uploadEvidence')}
          </Button>
        </Upload>
      ) : null}
    </Flex>
  );
}
