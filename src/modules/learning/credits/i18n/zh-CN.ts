/** The credit bank: server messages and notification texts, zh-CN (the source catalog; en.ts is typed against it). */
export const creditZhCN = {
  'learning.credit.rule.not_found': '学分转换规则不存在。',
  'learning.credit.rule.stale': '规则已被他人修改（当前版本 {version}），请刷新后重试。',
  'learning.credit.rule.name_taken': '已有同名的规则。',
  'learning.credit.awarded.title': '获得{title}',
  'learning.credit.awarded.body': '您累计的学分已达到 {credits} 学分，获得“{title}”（编号 {number}）。可在“我的学习档案”查看。',
  'learning.credit.category.any': '全部类别',
  'learning.credit.source.class': '班级结业',
  'learning.credit.source.online': '网络课程',
  'learning.credit.source.revocation': '证书撤销，学分收回',
  'learning.credit.source.conversion': '学分转换',
  'learning.credit.source.manual': '人工登记',
};

export type CreditMessageId = keyof typeof creditZhCN;
