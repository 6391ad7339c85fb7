/** Server messages of the network's spreadsheet import and export, zh-CN: the source catalog. */
export const networkExcelZhCN = {
  'network.import.not_found': '导入任务不存在。',
  'network.import.not_ready': '只有校验通过、尚未提交的导入任务才能提交（当前状态：{status}）。',
  'network.import.xlsx_only': '只接受 Excel 工作簿（.xlsx）。',
  'network.import.kind_required': '请选择导入的内容：institutions（机构）、people（人员）或 partners（合作单位）。',
  'network.import.not_xlsx': '文件不是有效的 Excel 工作簿（.xlsx）。',
  'network.import.too_large': '文件过大（上限 {max}）。',
  'network.import.unpacked_too_large': '工作簿解压后的内容过大，已拒绝。',
  'network.import.too_many_rows': '数据行过多（上限 {max} 行），请分批导入。',
  'network.import.empty': '第一张工作表为空：第一行应为表头，其下至少一行数据。',
  'network.import.duplicate_header': '表头“{column}”出现了不止一次。',
  'network.import.missing_columns': '缺少必填列：{columns}。请使用下载的模板。',
  'network.import.too_long': '内容过长（最多 {max} 个字）。',
  'network.import.bad_choice': '不是允许的取值；可填：{allowed}。',
  'network.import.town_unknown': '镇（街道）不存在或不在您的管理范围内。',
  'network.import.village_unknown': '村（社区）不存在，或不属于所填的镇（街道）。',
  'network.import.parent_unknown': '所属中心不存在（请填写社区教育中心的全称）。',
  'network.import.institution_unknown': '所属机构不存在，或不在所填的镇（街道）。',
  'network.import.duplicate_in_file': '与本文件第 {row} 行重复。',
  'network.import.person_exists': '该机构已登记同名的在职人员。',
  'network.import.typed_as_number': '该号码在 Excel 中存成了数字，末尾几位已经丢失；请把单元格设为“文本”后重新填写。',
} as const;

export type NetworkExcelMessageId = keyof typeof networkExcelZhCN;
