import { Flex, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { formatDateTime } from '../../core/format/datetime';
import type { TFunction } from '../../core/i18n/I18nProvider';
import { idKey } from './categoryTree';
import { ItemStatusTag } from './labels';
import type { ItemSummary } from './types';

export const editorPath = (id: ItemSummary['id']) => `/content/items/${encodeURIComponent(idKey(id))}`;

export function itemColumns(t: TFunction, categoryNames: ReadonlyMap<string, string>): TableColumnsType<ItemSummary> {
  return [
    {
      title: t('content.field.title'),
      dataIndex: 'title',
      minWidth: 280,
      render: (title: string, item) => (
        <span>
          <Link to={editorPath(item.id)} data-testid="item-title-link">
            {title}
          </Link>
          {item.docNumber ? (
            <Typography.Text type="secondary" className="lc-mono" style={{ display: 'block', fontSize: 12 }}>
              {item.docNumber}
            </Typography.Text>
          ) : null}
        </span>
      ),
    },
    {
      title: t('content.field.kind'),
      dataIndex: 'kind',
      width: 96,
      render: (kind: ItemSummary['kind']) => (
        <Tag color={kind === 'official_document' ? 'red' : 'blue'} style={{ marginInlineEnd: 0 }}>
          {t(`content.kind.${kind}`)}
        </Tag>
      ),
    },
    {
      title: t('content.field.category'),
      dataIndex: 'categoryId',
      width: 130,
      // The category tree has both names; the item carries only the Chinese one.
      render: (_: unknown, item) => categoryNames.get(idKey(item.categoryId)) ?? item.categoryName,
    },
    {
      title: t('content.field.status'),
      dataIndex: 'status',
      width: 110,
      render: (_: unknown, item) => (
        <Flex vertical gap={4} align="flex-start">
          <ItemStatusTag status={item.status} />
          {item.pendingStatus ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('content.items.pending', { status: t(`content.status.${item.pendingStatus}`) })}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('content.items.col.time'),
      key: 'time',
      width: 215,
      render: (_: unknown, item) => {
        if (item.status === 'published' && item.publishedAt)
          return t('content.items.publishedAt', { time: formatDateTime(item.publishedAt) });
        if (item.status === 'scheduled' && item.publishAt)
          return t('content.items.scheduledAt', { time: formatDateTime(item.publishAt) });
        return t('content.items.updatedAt', { time: formatDateTime(item.updatedAt) });
      },
    },
    { title: t('content.items.col.revision'), dataIndex: 'revision', width: 70, align: 'right' },
  ];
}
