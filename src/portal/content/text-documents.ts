import type { Locale } from '../../core/i18n/i18n.js';

export interface TextDocument { title: string; sections: { heading?: string; paragraphs: string[] }[] }

const help: Record<Locale, TextDocument> = {
  'zh-CN': {
    title: '使用帮助',
    sections: [
      { heading: '注册和登录', paragraphs: [
        '点击页面顶部的“注册”，填写用户名或手机号并设置密码即可成为学员。真实姓名可以以后再补充。',
        '忘记密码时，请联系所在镇的社区教育中心，由工作人员为您重置；重置后的临时密码第一次登录时需要修改。',
        '连续输错 5 次密码，账户会被锁定 30 分钟，这是为了防止他人猜测您的密码。',
      ] },
      { heading: '关怀版', paragraphs: [
        '点击顶部的“关怀版”按钮，页面文字会放大到 18 磅以上，行距加大，颜色对比更清楚，按钮也更大，方便点按。再次点击可回到标准版，您的选择会被记住。',
        '支持语音的浏览器会显示“朗读正文”按钮，点击后由浏览器把正文读出来。',
        '所有功能都可以只用键盘操作：按 Tab 键在链接和按钮之间移动，按回车键确认。',
      ] },
      { heading: '工作人员', paragraphs: [
        '市、镇、学校的工作人员请点击页面底部的“工作人员入口”登录管理后台。账户由上级管理员开通，首次登录须修改初始密码。',
      ] },
    ],
  },
  en: {
    title: 'Help',
    sections: [
      { heading: 'Signing up and logging in', paragraphs: [
        'Press "Sign up" at the top of the page and give a username or a mobile number and a password. You can add your real name later.',
        'If you forget your password, contact the community education center of your town; staff will reset it, and you change the temporary password at your next login.',
        'Five wrong passwords in a row lock the account for 30 minutes, so that nobody can guess it.',
      ] },
      { heading: 'Care mode', paragraphs: [
        'The "Care mode" button at the top enlarges the text to at least 18 points, adds line spacing, strengthens the contrast and makes buttons bigger. Press it again to go back; your choice is remembered.',
        'Browsers that can speak show a "Read aloud" button that reads the main text to you.',
        'Everything works from the keyboard: Tab moves between links and buttons, Enter activates them.',
      ] },
      { heading: 'Staff', paragraphs: [
        'City, town and school staff log in to the back office through "Staff login" at the bottom of the page. Accounts are opened by a higher-level administrator; the initial password must be changed at the first login.',
      ] },
    ],
  },
};

export const TEXT_DOCUMENTS = { help };
