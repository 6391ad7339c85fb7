import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Select, Typography } from 'antd';
import type { ScopeType } from '../../core/api/types';
import {
  DEFAULT_SCOPE_TYPE,
  isRole,
  ROLES,
  roleLabel,
  SCOPE_TYPES,
  scopeTypeLabel,
  STAFF_ROLES,
} from '../../core/format/roles';
import { useT } from '../../core/i18n/useT';
import { idKey } from './regionTree';
import { rowKey, type RoleGrantRow } from './roleGrants';
import { ScopePicker } from './ScopePicker';
import type { Institution, Region } from './types';

interface Props {
  /** Form field holding the rows. */
  name: string;
  regions: readonly Region[];
  institutions: readonly Institution[];
  loading?: boolean;
  /** Offer the resident role too (for residents' accounts). */
  includeResident?: boolean;
}

/** Editable list of role + scope rows inside an antd Form; at least one row is required. */
export function RoleGrantEditor({ name, regions, institutions, loading, includeResident = false }: Props) {
  const t = useT();
  const form = Form.useFormInstance();
  const roles = includeResident ? ROLES : STAFF_ROLES;

  /** The only city there is gets picked for the user. */
  const defaultScopeFor = (scopeType: ScopeType | undefined): string | undefined => {
    if (scopeType !== 'city') return undefined;
    const cities = regions.filter((r) => r.level === 'city');
    return cities.length === 1 ? idKey(cities[0].id) : undefined;
  };

  const onRoleChange = (index: number, role: string) => {
    const scopeType = isRole(role) ? DEFAULT_SCOPE_TYPE[role] : undefined;
    const current = form.getFieldValue([name, index]) as RoleGrantRow | undefined;
    if (current?.scopeType === scopeType) return;
    form.setFieldValue([name, index], { role, scopeType, scopeId: defaultScopeFor(scopeType) });
  };

  const onScopeTypeChange = (index: number, scopeType: ScopeType) => {
    form.setFieldValue([name, index, 'scopeId'], defaultScopeFor(scopeType));
  };

  return (
    <Form.List
      name={name}
      rules={[
        {
          validator: async (_, rows: RoleGrantRow[] | undefined) => {
            if (!rows || rows.length === 0) throw new Error(t('roles.atLeastOne'));
            const keys = rows.map(rowKey);
            if (new Set(keys).size !== keys.length) throw new Error(t('roles.duplicate'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <Flex vertical gap={8}>
          {fields.length === 0 ? <Typography.Text type="secondary">{t('roles.none')}</Typography.Text> : null}
          {fields.map((field) => (
            <Flex key={field.key} gap={8} align="flex-start" wrap data-testid="role-row">
              <Form.Item
                name={[field.name, 'role']}
                rules={[{ required: true, message: t('roles.roleRequired') }]}
                style={{ marginBottom: 0, width: 150 }}
              >
                <Select
                  placeholder={t('roles.role')}
                  aria-label={t('roles.role')}
                  options={roles.map((role) => ({ value: role, label: roleLabel(t, role) }))}
                  onChange={(role: string) => onRoleChange(field.name, role)}
                />
              </Form.Item>
              <Form.Item
                name={[field.name, 'scopeType']}
                rules={[{ required: true, message: t('roles.scopeTypeRequired') }]}
                style={{ marginBottom: 0, width: 120 }}
              >
                <Select
                  placeholder={t('roles.scopeType')}
                  aria-label={t('roles.scopeType')}
                  options={SCOPE_TYPES.map((type) => ({ value: type, label: scopeTypeLabel(t, type) }))}
                  onChange={(type: ScopeType) => onScopeTypeChange(field.name, type)}
                />
              </Form.Item>
              <Form.Item
                noStyle
                shouldUpdate={(prev: Record<string, RoleGrantRow[] | undefined>, next) =>
                  prev[name]?.[field.name]?.scopeType !== next[name]?.[field.name]?.scopeType
                }
              >
                {() => (
                  <Form.Item
                    name={[field.name, 'scopeId']}
                    rules={[{ required: true, message: t('roles.scopeRequired') }]}
                    style={{ marginBottom: 0, flex: '1 1 200px', minWidth: 180 }}
                  >
                    <ScopePicker
                      scopeType={form.getFieldValue([name, field.name, 'scopeType']) as ScopeType | undefined}
                      regions={regions}
                      institutions={institutions}
                      loading={loading}
                    />
                  </Form.Item>
                )}
              </Form.Item>
              <Button
                type="text"
                danger
                icon={<DeleteOutlined aria-hidden />}
                onClick={() => remove(field.name)}
                aria-label={t('roles.remove')}
                title={t('roles.remove')}
              />
            </Flex>
          ))}
          <Form.ErrorList errors={errors} />
          <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({})} style={{ alignSelf: 'flex-start' }}>
            {t('roles.add')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
