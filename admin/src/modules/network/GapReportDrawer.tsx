import { Alert, Drawer } from 'antd';
import { useProblemText } from '../../core/api/useProblemText';
import { useQuery } from '../../core/api/useQuery';
import { useT } from '../../core/i18n/useT';
import { gapApi } from './gapApi';
import { GapReportView } from './GapReportView';

/** One institution's gap report in a drawer (opened from a row of the gap matrix). */
export function GapReportDrawer({ institutionId, onClose }: { institutionId: string | null; onClose: () => void }) {
  const t = useT();
  const problemText = useProblemText();
  const report = useQuery(institutionId ? `gaps:${institutionId}` : null, (signal) => gapApi.report(institutionId!, signal));
  const data = institutionId ? report.data : undefined;

  return (
    <Drawer open={institutionId !== null} onClose={onClose} size={720} title={data?.institution.name ?? t('network.gaps.report')} data-testid="gap-report" destroyOnHidden>
      {report.error ? <Alert type="error" showIcon title={problemText(report.error)} /> : null}
      {data ? <GapReportView report={data} /> : null}
    </Drawer>
  );
}
