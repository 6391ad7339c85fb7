import { FileWordOutlined, PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { PERMISSIONS } from '../../core/auth/permissions';
import { useAuth } from '../../core/auth/useAuth';
import { useUrlList } from '../../core/hooks/useUrlList';
import { useLang, useT } from '../../core/i18n/useT';
import { ListPage } from '../../core/ui/ListPage';
import { itemsApi } from './api';
import { categoryName, idKey } from './categoryTree';
import { itemColumns } from './itemColumns';
import { ITEM_FILTER_KEYS, ItemFilters } from './ItemFilters';
import type { ItemSummary } from './types';
import { useCategories } from './useCategories';

/** 文章与公文: the items in the caller's scope, filtered and paged in the URL. */
export default function ItemsPage() {
  const t = useT();
  const { lang } = useLang();
  const { can } = useAuth();
  const list = useUrlList(ITEM_FILTER_KEYS, (query, signal) => itemsApi.list(query, signal));
  const categories = useCategories();
  const categoryNames = useMemo(
    () => new Map((categories.data ?? []).map((c) => [idKey(c.id), categoryName(c, lang)])),
    [categories.data, lang],
  );
  const columns = useMemo(() => itemColumns(t, categoryNames), [t, categoryNames]);
  const canWrite = can(PERMISSIONS.contentItemWrite);

  return (
    <ListPage
      title={t('content.items.title')}
      description={t('content.items.description')}
      actions={
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
      filters={
        <ItemFilters value={list.filters} onChange={list.setFilters} categories={categories.data ?? []} categoriesLoading={categories.loading} />
      }
      list={list}
      table={{ rowKey: (item: ItemSummary) => idKey(item.id), columns, scroll: { x: 860 }, testId: 'items-table' }}
    />
  );
}
