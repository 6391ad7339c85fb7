/** Messages of notifications (API errors, the inbox page, the outbox), zh-CN: the source catalog. */
export const notificationsZhCN = {
  'notifications.not_found': '找不到这条消息。',
  'notifications.outbox.city_only': '只有全市范围的管理员可以查看消息发送情况。',
  'notifications.page.title': '我的消息',
  'notifications.page.intro': '报名、候补、开班变更和证书等消息都会发到这里。',
  'notifications.page.empty': '暂时没有消息。',
  'notifications.page.unread_count': '未读 {count} 条',
  'notifications.page.unread': '未读',
  'notifications.page.mark_read': '标为已读',
  'notifications.page.mark_all_read': '全部标为已读',
  'notifications.page.open_link': '查看详情',
  'notifications.page.received_at': '收到时间',
  'notifications.page.back_to_account': '返回我的账户',
  'notifications.page.prev': '上一页',
  'notifications.page.next': '下一页',
  'notifications.page.page_of': '第 {page} / {pages} 页',
  'notifications.page.link_label': '我的消息',
} as const;

export type NotificationsMessageId = keyof typeof notificationsZhCN;
