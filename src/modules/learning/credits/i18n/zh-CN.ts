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
  'learning.credit.award.not_found': '学分转换证书不存在。',
  'learning.credit.award.mine': '学分转换证书',
  'learning.credit.award.title': '证书名称',
  'learning.credit.award.rule': '转换标准',
  'learning.credit.award.rule_value': '{category} {required} 学分',
  'learning.credit.award.credits': '累计学分',
  'learning.credit.award.issuer': '{city}学分银行',
  'learning.credit.award.body': '{name} 截至 {date} 在{issuer}累计取得{category}学分 {credits} 分，达到 {required} 学分的转换标准，特发此证。',
};

export type CreditMessageId = keyof typeof creditZhCN;
