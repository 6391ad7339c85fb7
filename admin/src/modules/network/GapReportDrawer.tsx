import { useQuery } from '../../core/api/useQuery';
import { useT } from '../../core/i18n/useT';
import { DetailDrawer } from '../../core/ui/DetailDrawer';
import { gapApi } from './gapApi';
import { GapReportView } from './GapReportView';

/** One institution's gap report in a drawer (opened from a row of the gap matrix). */
export function GapReportDrawer({ institutionId, onClose }: { institutionId: string | null; onClose: () => void }) {
  const t = useT();
  const report = useQuery(institutionId ? `gaps:${institutionId}` : null, (signal) => gapApi.report(institutionId!, signal));
  const data = institutionId ? report.data : undefined;

  return (
    <DetailDrawer open={institutionId !== null} onClose={onClose} size={720} title={data?.institution.name ?? t('network.gaps.report')} testId="gap-report"
      error={report.error}>
      {data ? <GapReportView report={data} /> : null}
    </DetailDrawer>
  );
}
