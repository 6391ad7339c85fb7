import type { NetworkExcelMessageId } from './zh-CN.js';

/** The spreadsheet import and export messages, English; typed against zh-CN so a missing key fails the build. */
export const networkExcelEn: Record<NetworkExcelMessageId, string> = {
  'network.import.not_found': 'The import does not exist.',
  'network.import.not_ready': 'Only a validated import that has not been committed can be committed (current status: {status}).',
  'network.import.xlsx_only': 'Only Excel workbooks (.xlsx) are accepted.',
  'network.import.kind_required': 'Choose what to import: institutions, people or partners.',
  'network.import.not_xlsx': 'The file is not a valid Excel workbook (.xlsx).',
  'network.import.too_large': 'The file is too large (limit {max}).',
  'network.import.unpacked_too_large': 'The workbook unpacks to too much data and was refused.',
  'network.import.too_many_rows': 'Too many rows (limit {max}); import in several files.',
  'network.import.empty': 'The first sheet is empty: row 1 must hold the headers with at least one data row below.',
  'network.import.duplicate_header': 'The header "{column}" appears more than once.',
  'network.import.missing_columns': 'Required columns are missing: {columns}. Please use the downloaded template.',
  'network.import.too_long': 'Too long (at most {max} characters).',
  'network.import.bad_choice': 'Not an allowed value; use one of: {allowed}.',
  'network.import.town_unknown': 'The town does not exist or is outside your scope.',
  'network.import.village_unknown': 'The village does not exist or does not belong to the given town.',
  'network.import.parent_unknown': 'The parent center does not exist (give the community education center\'s full name).',
  'network.import.institution_unknown': 'The institution does not exist or is not in the given town.',
  'network.import.duplicate_in_file': 'Duplicates row {row} of this file.',
  'network.import.person_exists': 'The institution already has an active person of that name.',
  'network.import.typed_as_number': 'Excel stored this number as a number and its last digits are lost; format the cell as Text and type it again.',
};
