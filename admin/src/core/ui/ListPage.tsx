import { Alert, Button, Card, Flex, Table, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import type { UrlList } from '../hooks/useUrlList';
import { PAGE_SIZE_OPTIONS } from '../hooks/useUrlState';
import { useProblemText } from '../api/useProblemText';
import { useT } from '../i18n/useT';
import { ExportButton } from './ExportButton';
import { PageContainer } from './PageContainer';

interface Props<K extends string, Row extends object> {
  title: string;
  description?: ReactNode;
  /** 导出 Excel of the rows the filters select (shown first among the actions). */
  exportTo?: { path: string; testId: string };
  actions?: ReactNode;
  /** Shown above the list's card (e.g. the result of a page-wide action). */
  above?: ReactNode;
  filters: ReactNode;
  list: UrlList<K, Row>;
  table: Pick<TableProps<Row>, 'rowKey' | 'columns' | 'scroll' | 'expandable'> & { testId: string };
  /** Drawers, modals and cards that belong to the page, after the list. */
  children?: ReactNode;
}

/** A list page: heading and actions, then the filter bar, a load error with 重试, and the paged table. */
export function ListPage<K extends string, Row extends object>(props: Props<K, Row>) {
  const { title, description, exportTo, actions, above, filters, list, table, children } = props;
  const t = useT();
  const problemText = useProblemText();
  const card = (
    <Card>
      {filters}
      {list.error ? (
        <Alert type="error" showIcon title={problemText(list.error)} style={{ marginTop: 16 }}
          action={<Button size="small" onClick={list.reload}>{t('common.retry')}</Button>} />
      ) : null}
      <Table<Row>
        style={{ marginTop: 16 }}
        rowKey={table.rowKey}
        columns={table.columns}
        expandable={table.expandable}
        dataSource={list.data?.items ?? []}
        loading={list.loading}
        scroll={table.scroll}
        size="middle"
        data-testid={table.testId}
        pagination={{
          current: list.data?.page ?? list.page,
          pageSize: list.data?.pageSize ?? list.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZE_OPTIONS,
          showTotal: (total) => t('common.total', { total }),
          onChange: list.setPage,
        }}
      />
    </Card>
  );
  const hasActions = exportTo || actions;
  return (
    <PageContainer
      title={title}
      description={description}
      extra={hasActions ? <>{exportTo ? <ExportButton path={exportTo.path} filters={list.filters} testId={exportTo.testId} /> : null}{actions}</> : null}
    >
      {above ? <Flex vertical gap={16}>{above}{card}</Flex> : card}
      {children}
    </PageContainer>
  );
}
