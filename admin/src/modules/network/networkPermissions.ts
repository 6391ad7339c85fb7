/**
 * Network permissions the shared `PERMISSIONS` table does not list (src/modules/network/permissions.ts has them
 * all); kept here so this module's screens need no edit of core.
 */
export const NETWORK_EXTRA_PERMISSIONS = {
  indicatorRecord: 'network.indicator.record',
  standardManage: 'network.standard.manage',
} as const;
