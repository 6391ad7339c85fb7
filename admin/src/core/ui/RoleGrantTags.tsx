import { Flex, Tag } from 'antd';
import type { RoleGrant } from '../api/types';
import { roleLabel } from '../format/roles';
import { useT } from '../i18n/useT';

const ROLE_COLORS: Record<string, string> = {
  city_admin: 'red',
  town_admin: 'volcano',
  institution_admin: 'orange',
  teacher: 'green',
  editor: 'cyan',
  reviewer: 'blue',
  employer: 'gold',
  inspector: 'purple',
  auditor: 'geekblue',
  resident: 'default',
};

/** One tag per role grant: `角色 · 范围`. */
export function RoleGrantTags({ roles, emptyText }: { roles: RoleGrant[]; emptyText?: string }) {
  const t = useT();
  if (roles.length === 0) return <span>{emptyText ?? '—'}</span>;
  return (
    <Flex gap={4} wrap>
      {roles.map((grant) => (
        <Tag
          key={`${grant.role}:${grant.scopeType}:${String(grant.scopeId)}`}
          color={ROLE_COLORS[grant.role] ?? 'default'}
          style={{ marginInlineEnd: 0, whiteSpace: 'normal', maxWidth: '100%' }}
        >
          {roleLabel(t, grant.role)}
          {grant.scopeName ? ` · ${grant.scopeName}` : ''}
        </Tag>
      ))}
    </Flex>
  );
}
