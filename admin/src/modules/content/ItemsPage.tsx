import { FileWordOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Table } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useProblemText } from '../../core/api/useProblemText';
import { useQuery } from '../../core/api/useQuery';
import { PERMISSIONS } from '../../core/auth/permissions';
import { useAuth } from '../../core/auth/useAuth';
import { PAGE_SIZE_OPTIONS, useUrlListState } from '../../core/hooks/useUrlState';
import { useLang, useT } from '../../core/i18n/useT';
import { PageContainer } from '../../core/ui/PageContainer';
import { itemsApi } from './api';
import { categoryName, idKey } from './categoryTree';
import { itemColumns } from './itemColumns';
import { ITEM_FILTER_KEYS, ItemFilters } from './ItemFilters';
import type { ItemListQuery, ItemSummary } from './types';
import { useCategories } from './useCategories';

/** 文章与公文: the items in the caller's scope, filtered and paged in the URL. */
export default function ItemsPage() {
  const t = useT();
  const { lang } = useLang();
  const problemText = useProblemText();
  const { can } = useAuth();
  const { filters, page, pageSize, setFilters, setPage } = useUrlListState(ITEM_FILTER_KEYS);
  const categories = useCategories();

  const query = useMemo<ItemListQuery>(() => ({ page, pageSize, ...filters }), [page, pageSize, filters]);
  const list = useQuery(JSON.stringify(query), (signal) => itemsApi.list(query, signal));
  const categoryNames = useMemo(
    () => new Map((categories.data ?? []).map((c) => [idKey(c.id), categoryName(c, lang)])),
    [categories.data, lang],
  );
  const columns = useMemo(() => itemColumns(t, categoryNames), [t, categoryNames]);
  const canWrite = can(PERMISSIONS.contentItemWrite);

  return (
    <PageContainer
      title={t('content.items.title')}
      description={t('content.items.description')}
      extra={
        canWrite ? (
          <>
            <Link to="/content/items/import">
              <Button icon={<FileWordOutlined aria-hidden />} data-testid="item-import">
                {t('content.import.button')}
              </Button>
            </Link>
            <Link to="/content/items/new">
              <Button type="primary" icon={<PlusOutlined aria-hidden />} data-testid="item-create">
                {t('content.items.create')}
              </Button>
            </Link>
          </>
        ) : null
      }
    >
      <Card>
        <ItemFilters
          value={filters}
          onChange={setFilters}
          categories={categories.data ?? []}
          categoriesLoading={categories.loading}
        />
        {list.error ? (
          <Alert
            type="error"
            showIcon
            title={problemText(list.error)}
            style={{ marginTop: 16 }}
            action={
              <Button size="small" onClick={list.reload}>
                {t('common.retry')}
              </Button>
            }
          />
        ) : null}
        <Table<ItemSummary>
          style={{ marginTop: 16 }}
          rowKey={(item) => idKey(item.id)}
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          scroll={{ x: 860 }}
          size="middle"
          data-testid="items-table"
          pagination={{
            current: list.data?.page ?? page,
            pageSize: list.data?.pageSize ?? pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZE_OPTIONS,
            showTotal: (total) => t('common.total', { total }),
            onChange: setPage,
          }}
        />
      </Card>
    </PageContainer>
  );
}
