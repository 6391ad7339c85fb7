import { localized } from '../../../core/i18n/i18n.js';

/**
 * Things an import did not carry over, told to the editor with the draft (the draft is still made):
 * an image in a format browsers cannot show, a recognised document number that is malformed or already
 * used by another document (left empty rather than failing the import).
 */
export type ImportWarningCode = 'image_unsupported' | 'doc_number_invalid' | 'doc_number_taken';

export interface ImportWarning {
  code: ImportWarningCode;
  params?: Record<string, string | number>;
}

export function presentWarnings(warnings: ImportWarning[]) {
  return warnings.map((w) => ({ code: w.code, message: localized(`content.import.warning.${w.code}`, w.params) }));
}
