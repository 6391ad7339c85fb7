import { registerMessages } from '../../../../core/i18n/i18n.js';
import { certificateZhCN, type CertificateMessageId } from './zh-CN.js';
import { certificateEn } from './en.js';

declare module '../../../../core/i18n/i18n.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ModuleMessages extends Record<CertificateMessageId, true> {}
}

registerMessages(certificateZhCN, certificateEn);
