import { Tag } from 'antd';
import type { TFunction } from '../../core/i18n/I18nProvider';
import { useT } from '../../core/i18n/useT';
import type { ItemStatus, JobStatus } from './types';

/** Tag colours by status: grey while being written, blue in the workflow, green when public. */
const STATUS_COLOR: Record<ItemStatus, string> = {
  draft: 'default',
  in_review: 'processing',
  approved: 'cyan',
  scheduled: 'purple',
  published: 'success',
  withdrawn: 'warning',
  archived: 'default',
};

const JOB_STATUS_COLOR: Record<JobStatus, string> = { draft: 'default', published: 'success', withdrawn: 'warning' };

export const itemStatusLabel = (t: TFunction, status: ItemStatus) => t(`content.status.${status}`);

export function ItemStatusTag({ status }: { status: ItemStatus }) {
  const t = useT();
  return (
    <Tag color={STATUS_COLOR[status]} data-status={status} style={{ marginInlineEnd: 0 }}>
      {itemStatusLabel(t, status)}
    </Tag>
  );
}

export function JobStatusTag({ status }: { status: JobStatus }) {
  const t = useT();
  return (
    <Tag color={JOB_STATUS_COLOR[status]} data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`content.job.status.${status}`)}
    </Tag>
  );
}
