import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useState } from 'react';
import { useProblemText } from '../../core/api/useProblemText';
import { useT } from '../../core/i18n/useT';
import { auditApi } from './api';
import type { ChainVerification } from './types';

export function useChainVerification() {
  const [result, setResult] = useState<ChainVerification | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);

  const verify = async () => {
    setLoading(true);
    setError(null);
    setResult(null);
    try {
      setResult(await auditApi.verify());
    } catch (failure) {
      setError(failure);
    } finally {
      setLoading(false);
    }
  };

  const dismiss = () => {
    setResult(null);
    setError(null);
  };

  return { result, error, loading, verify, dismiss };
}

export function VerifyChainButton({ loading, onClick }: { loading: boolean; onClick: () => void }) {
  const t = useT();
  return (
    <Button icon={<SafetyCertificateOutlined aria-hidden />} loading={loading} onClick={onClick} data-testid="audit-verify">
      {t('audit.verify.button')}
    </Button>
  );
}

interface ResultProps {
  result: ChainVerification | null;
  error: unknown;
  onClose: () => void;
}

export function VerifyChainResult({ result, error, onClose }: ResultProps) {
  const t = useT();
  const problemText = useProblemText();
  if (error) {
    return (
      <Alert type="error" showIcon closable={{ onClose }} title={problemText(error)} data-testid="audit-verify-result" />
    );
  }
  if (!result) return null;
  if (result.ok) {
    return (
      <Alert
        type="success"
        showIcon
        closable={{ onClose }}
        title={t('audit.verify.ok')}
        description={t('audit.verify.okDetail', { checked: result.checked })}
        data-testid="audit-verify-result"
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      closable={{ onClose }}
      title={t('audit.verify.broken')}
      description={
        <>
          {result.firstBadSeq !== null ? t('audit.verify.firstBad', { seq: result.firstBadSeq }) : null}
          {result.reason ? ` ${t('audit.verify.reason', { reason: result.reason })}` : null}
          {` ${t('audit.verify.checked', { checked: result.checked })}`}
        </>
      }
      data-testid="audit-verify-result"
    />
  );
}
