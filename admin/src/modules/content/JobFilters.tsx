import type { FilterValues } from '../../core/hooks/useUrlState';
import { useT } from '../../core/i18n/useT';
import { FilterBar } from '../../core/ui/FilterBar';
import { JOB_STATUSES } from './types';

export const JOB_FILTER_KEYS = ['q', 'status'] as const;
type JobFilterKey = (typeof JOB_FILTER_KEYS)[number];

/** Keyword and status filters of the job postings list (kept in the URL by the page). */
export function JobFilters({ value, onChange }: { value: FilterValues<JobFilterKey>; onChange: (v: FilterValues<JobFilterKey>) => void }) {
  const t = useT();
  return (
    <FilterBar name="jobFilters" label={t('content.jobs.title')} value={value} onChange={onChange} fields={[
      { kind: 'search', name: 'q', label: t('content.items.filter.q'), placeholder: t('content.jobs.filterPlaceholder'), width: 220, testId: 'jobs-filter-q' },
      { kind: 'select', name: 'status', label: t('content.field.status'), width: 120,
        options: JOB_STATUSES.map((s) => ({ value: s, label: t(`content.job.status.${s}`) })) },
    ]} />
  );
}
