import { EyeOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useProblemText } from '../../core/api/useProblemText';
import { useT } from '../../core/i18n/useT';
import { peopleApi } from './peopleApi';
import type { Person } from './peopleTypes';

/**
 * The masked ID number, and for the city admin "查看完整证件号": the full number is fetched (audited) and shown
 * this once, in place of the mask, until the page is left.
 */
export function PersonIdNumber({ person, canReveal }: { person: Person; canReveal: boolean }) {
  const t = useT();
  const problemText = useProblemText();
  const { message } = App.useApp();
  const [full, setFull] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  if (!person.idNumber) return <>—</>;
  if (full) return <Typography.Text copyable data-testid={`person-id-full-${person.id}`}>{full}</Typography.Text>;
  const reveal = async () => {
    setLoading(true);
    try {
      setFull((await peopleApi.revealId(person.id)).idNumber);
    } catch (failure) {
      message.error(problemText(failure));
    } finally {
      setLoading(false);
    }
  };
  return (
    <span>
      {person.idNumber}
      {canReveal ? (
        <Popconfirm title={t('network.people.revealConfirm')} onConfirm={() => void reveal()} okText={t('network.people.reveal')} cancelText={t('common.cancel')}>
          <Tooltip title={t('network.people.reveal')}>
            <Button type="link" size="small" icon={<EyeOutlined aria-hidden />} loading={loading} aria-label={t('network.people.reveal')}
              data-testid={`person-reveal-${person.id}`} />
          </Tooltip>
        </Popconfirm>
      ) : null}
    </span>
  );
}
