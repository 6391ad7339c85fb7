import { registerMessages } from '../i18n/i18n.js';

/** Messages of the operational guards (load shedding, the staff network allowlist), zh-CN: the source catalog. */
const opsZhCN = {
  'server.overloaded': '服务器当前繁忙，请稍后再试。',
  'auth.network_not_allowed': '管理后台只能从单位指定的办公网络访问。如需在其他地点办公，请联系系统管理员。',
};
type OpsMessageId = keyof typeof opsZhCN;

const opsEn: Record<OpsMessageId, string> = {
  'server.overloaded': 'The server is busy right now. Please try again shortly.',
  'auth.network_not_allowed': 'The back office can only be reached from the approved office networks. Ask your system administrator if you need access from elsewhere.',
};

declare module '../i18n/i18n.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ModuleMessages extends Record<OpsMessageId, true> {}
}

registerMessages(opsZhCN, opsEn);
