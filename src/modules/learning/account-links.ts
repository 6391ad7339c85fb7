import { registerAccountLink } from '../../portal/account-links.js';

/** The learner's pages on /account, and the teacher's roll call for those who teach. */
registerAccountLink({ id: 'learning.classes', order: 10, href: '/account/classes', label: { 'zh-CN': '我的班级', en: 'My classes' } });
registerAccountLink({ id: 'learning.attendance', order: 20, href: '/account/attendance', label: { 'zh-CN': '我的考勤', en: 'My attendance' } });
registerAccountLink({ id: 'learning.certificates', order: 30, href: '/account/certificates', label: { 'zh-CN': '我的证书', en: 'My certificates' } });
registerAccountLink({
  id: 'learning.teach', order: 90, href: '/teach', label: { 'zh-CN': '上课点名', en: 'Take attendance' },
  visible: (actor) => actor.grants.some((g) => g.role === 'teacher'),
});
