import { Table } from 'antd';
import { useT } from '../../core/i18n/useT';
import type { ImportRowError } from './importTypes';

/** The bad rows of a workbook: Excel row number, column, reason and the cell's (masked) value. */
export function ImportErrorsTable({ errors }: { errors: readonly ImportRowError[] }) {
  const t = useT();
  return (
    <Table<ImportRowError>
      rowKey={(e) => `${e.row}:${e.column}:${e.code}`}
      size="small"
      dataSource={[...errors]}
      pagination={errors.length > 20 ? { pageSize: 20, showTotal: (total) => t('common.total', { total }) } : false}
      scroll={{ x: 640 }}
      data-testid="import-errors"
      columns={[
        { title: t('network.import.row'), dataIndex: 'row', key: 'row', width: 90 },
        { title: t('network.import.column'), dataIndex: 'column', key: 'column', width: 160 },
        { title: t('network.import.reason'), dataIndex: 'message', key: 'message' },
        { title: t('network.import.value'), dataIndex: 'value', key: 'value', width: 200, render: (v: string) => v || '—' },
      ]}
    />
  );
}
