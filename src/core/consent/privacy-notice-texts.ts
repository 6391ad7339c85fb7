import type { Locale } from '../i18n/i18n.js';

/** One language of a notice version: headed sections of plain paragraphs; `{city}` is the city's name. */
export interface NoticeText { title: string; sections: { heading: string; paragraphs: string[] }[] }

export interface PrivacyNoticeVersion {
  version: number;
  /** YYYY-MM-DD (China), shown with the text. */
  effectiveOn: string;
  /** What changed against the previous version, shown when residents are asked to accept it. */
  changes: Record<Locale, string>;
  text: Record<Locale, NoticeText>;
}

/**
 * Every published version of the privacy notice (个人信息保护政策), oldest first. A published version is never
 * edited: consent rows name the version the person saw, so its words must stay what they were. To change the
 * notice, append a version; logged-in residents are then asked to accept it once, and the old ones stay readable.
 */
export const PRIVACY_NOTICE_VERSIONS: readonly PrivacyNoticeVersion[] = [
  {
    version: 1,
    effectiveOn: '2026-11-30',
    changes: {
      'zh-CN': '首次发布完整的个人信息保护政策：说明处理目的、信息种类、处理依据、保存期限和您的权利，并对身份证号码单独告知、单独取得同意；未满十四周岁的居民须由监护人同意。',
      en: 'First full privacy notice: purposes, kinds of information, legal basis, retention and your rights; a separate notice and consent for the ID number; residents under 14 need a guardian\'s consent.',
    },
    text: {
      'zh-CN': {
        title: '个人信息保护政策',
        sections: [
          { heading: '一、我们是谁', paragraphs: [
            '{city}学习型城市平台（以下简称“本平台”）由{city}社区教育委员会办公室（以下简称“我们”）建设和运营，为本市居民提供社区教育、老年教育和终身学习服务：课程报名、网络课程、学习档案与学分、证书、学习需求调查和相关通知。',
            '我们是处理您个人信息的个人信息处理者。本政策说明我们为什么、怎样处理您的个人信息，以及您享有哪些权利。请您在注册前完整阅读；不清楚的地方可以按第十二部分的方式询问我们。',
          ] },
          { heading: '二、处理目的', paragraphs: [
            '为您开设和保护账户，让您登录和找回访问；安排课程报名、候补、抽签、考勤和结业；记录学习经历、计算学分、颁发和查验证书；按您所在的镇（街道）、村（社区）推送适合的课程和调查；向您发送报名结果、调课和证书等通知；统计全市社区教育的开展情况（统计结果不含可识别个人的信息）。',
            '我们不会把您的个人信息用于上述目的以外的用途，也不会用于商业营销或用户画像。确需改变目的时，我们会重新告知并依法取得您的同意。',
          ] },
          { heading: '三、我们处理哪些个人信息', paragraphs: [
            '账户信息：用户名或手机号码、密码（只保存不可还原的摘要）、您填写的真实姓名。手机号码加密保存，用于登录和接收通知。',
            '身份信息（可不填）：身份证号码，以及由其确定的出生日期；您也可以只填写出生日期。居住的镇（街道）和村（社区）。',
            '学习记录：报名、候补和抽签记录，考勤，在线学习进度，学分，证书，学习需求调查的答复，站内消息。',
            '安全记录：登录时间、IP 地址、浏览器类型，以及对您信息的重要操作记录（审计日志）。',
            '未满十四周岁居民的监护人信息：监护人姓名、与本人关系和联系电话。',
          ] },
          { heading: '四、处理依据', paragraphs: [
            '开展社区教育和终身学习服务是我们依法承担的职责。为履行法定职责所必需处理的信息（账户信息、学习记录和安全记录），依据《中华人民共和国个人信息保护法》第十三条第一款第三项处理，并在履行职责所必需的范围和期限内进行。',
            '身份证号码属于敏感个人信息，您可以不提供；提供时，我们依据您的单独同意处理。未满十四周岁居民的个人信息，依据其父母或者其他监护人的同意处理。',
            '注册时您勾选同意本政策，表示您已阅读并理解本政策；我们保存您同意的版本和时间。',
          ] },
          { heading: '五、身份证号码（敏感个人信息）单独告知', paragraphs: [
            '用途：核验部分课程的年龄和户籍报名条件；在证书和学习档案中确认是您本人；在您到社区教育中心请工作人员代为报名时，方便工作人员查找您的账户。',
            '必要性和影响：身份证号码一旦泄露，可能被他人冒用。我们对其加密保存，页面和接口只显示遮盖后的号码（如 3301**********1234），只有获得授权的工作人员在必要时才能查看完整号码，每次查看都记入审计日志。',
            '您可以不提供身份证号码，这不影响注册和大多数课程；没有身份证号码和出生日期时，有年龄要求的课程无法报名。',
            '撤回：您可以随时在“我的账户”中撤回此项同意，撤回后我们立即删除您的身份证号码。撤回不影响撤回前基于同意已进行的处理。',
          ] },
          { heading: '六、未满十四周岁的未成年人', paragraphs: [
            '根据出生日期判断未满十四周岁的居民注册时，须由其父母或者其他监护人填写监护人信息并勾选同意。我们对未成年人账户作出标记，只在完成学习服务所必需的范围内处理其信息，不公开展示其姓名。',
            '监护人可以代为行使本政策第九部分所列的各项权利。',
          ] },
          { heading: '七、保存期限', paragraphs: [
            '账户信息和学习记录在您的账户存续期间保存。您注销账户或撤回相关同意后，我们删除或匿名化相应信息；法律法规要求保存的除外。',
            '需要继续保存的信息：已颁发证书的存根（证书需要长期可查验），以及审计日志（依照《中华人民共和国网络安全法》至少保存六个月）。这些信息只用于查验和安全审计，不再用于其他目的。',
            '登录会话在退出或超时后失效；站内消息和通知发送记录在完成目的后按平台的保存规则清理。',
          ] },
          { heading: '八、共享、委托处理和公开', paragraphs: [
            '我们不向第三方出售或提供您的个人信息，本平台不使用第三方统计分析或广告服务，个人信息存储在中华人民共和国境内。',
            '短信通知通过短信服务提供者发送，我们只提供您的手机号码和通知内容，并以合同约定其保密义务。',
            '公开的抽签结果和证书查验只显示遮盖后的姓名等最少信息。法律、行政法规另有规定的，依照其规定。',
          ] },
          { heading: '九、您的权利', paragraphs: [
            '查阅和复制：在“我的账户”中查看您的资料，并可下载平台保存的您的全部个人信息。',
            '更正和补充：在“我的账户”中修改真实姓名、出生日期和居住地；其他信息可以请所在镇（街道）社区教育中心更正。',
            '撤回同意和删除：在“我的账户”中撤回身份证号码的单独同意，号码随即删除；在处理目的已实现、您撤回同意或保存期限届满等情形下，您可以要求删除相应信息。',
            '注销账户和其他请求：请通过第十二部分的方式提出。我们在核实身份后十五个工作日内答复；不能满足您的请求时，我们会说明理由。您也可以要求我们解释个人信息处理规则。',
          ] },
          { heading: '十、安全措施', paragraphs: [
            '手机号码和身份证号码加密存储；工作人员只能查看其职责范围内的信息；对个人信息的重要操作写入防篡改的审计日志；网站全程使用加密连接。',
            '一旦发生个人信息安全事件，我们将按照法律规定采取补救措施，并通知您和有关主管部门。',
          ] },
          { heading: '十一、政策更新', paragraphs: [
            '本政策更新时，我们发布新的版本并注明生效日期；您登录后会看到更新说明并被请求确认一次。以前的版本在本页面仍可查看。',
          ] },
          { heading: '十二、联系我们', paragraphs: [
            '对本政策或您的个人信息有疑问、意见或请求，请联系{city}社区教育委员会办公室（个人信息保护工作负责人），也可以到所在镇（街道）社区教育中心当面提出，由工作人员登记转交。',
          ] },
        ],
      },
      en: {
        title: 'Privacy notice',
        sections: [
          { heading: '1. Who we are', paragraphs: [
            'The {city} Learning City platform ("the platform") is built and run by the {city} Community Education Committee Office ("we"). It serves the city\'s residents with community education, education for seniors and lifelong learning: class enrolment, online courses, learning records and credits, certificates, learning-needs surveys and the messages that go with them.',
            'We are the personal information handler for your data. This notice explains why and how we handle it and what rights you have. Please read it in full before you sign up; if anything is unclear, ask us as described in section 12.',
          ] },
          { heading: '2. Why we handle your information', paragraphs: [
            'To open and protect your account and let you log in; to run enrolment, waiting lists, lotteries, attendance and completion; to keep your learning record, count credits and issue and verify certificates; to show you the classes and surveys of your town and village; to send you messages about enrolment results, schedule changes and certificates; and to produce statistics about community education in the city (the statistics identify nobody).',
            'We do not use your information for anything else, nor for marketing or profiling. If a purpose has to change, we will tell you again and ask for your consent where the law requires it.',
          ] },
          { heading: '3. What we handle', paragraphs: [
            'Account: username or mobile number, password (only an irreversible hash is kept), and the real name you enter. The mobile number is stored encrypted and used for login and messages.',
            'Identity (optional): your ID card number and the birth date it contains; you may give only a birth date instead. The town and village you live in.',
            'Learning record: enrolments, waiting-list places and lottery applications, attendance, online learning progress, credits, certificates, survey answers and in-site messages.',
            'Security record: login times, IP address, browser type, and a log of important actions on your information (the audit log).',
            'For residents under 14: the guardian\'s name, relationship and telephone number.',
          ] },
          { heading: '4. Legal basis', paragraphs: [
            'Providing community education and lifelong learning is a statutory duty of ours. Information necessary for that duty (account, learning record and security record) is handled under article 13(1)(3) of the Personal Information Protection Law, within the scope and time that the duty requires.',
            'Your ID card number is sensitive personal information and you need not give it; if you do, we handle it on the basis of your separate consent. Information about a resident under 14 is handled with the consent of a parent or other guardian.',
            'By ticking the box at sign-up you confirm that you have read and understood this notice; we keep the version you accepted and the time.',
          ] },
          { heading: '5. Separate notice: your ID card number (sensitive personal information)', paragraphs: [
            'Use: checking the age and residency conditions of some classes; confirming that certificates and learning records belong to you; helping staff at a community education center find your account when they enrol you on your behalf.',
            'Why it matters: a leaked ID number can be misused by others. We store it encrypted, pages and the API show it only masked (such as 3301**********1234), and only authorised staff can see the full number when they need to; every such view is written to the audit log.',
            'You may leave it out. Signing up and most classes do not need it; without an ID number or a birth date you cannot enrol in classes with an age limit.',
            'Withdrawal: you can withdraw this consent at any time under "My account"; we then delete your ID number at once. Withdrawal does not affect what was done on the basis of the consent before.',
          ] },
          { heading: '6. Children under 14', paragraphs: [
            'When the birth date shows that a new resident is under 14, a parent or other guardian must enter their details and tick the consent box. Such accounts are marked as a minor\'s; their information is handled only as far as the learning services need, and their names are never shown publicly.',
            'The guardian may exercise every right in section 9 on the child\'s behalf.',
          ] },
          { heading: '7. How long we keep it', paragraphs: [
            'Account information and the learning record are kept while your account exists. When you close your account or withdraw a consent, we delete or anonymise the information concerned, unless a law requires us to keep it.',
            'What is kept: the stub of each certificate issued (certificates must stay verifiable) and the audit log (at least six months, as the Cybersecurity Law requires). They are used only for verification and security audits.',
            'Login sessions end when you log out or after a time-out; messages and delivery records are cleared under the platform\'s retention rules once they have served their purpose.',
          ] },
          { heading: '8. Sharing, processors and disclosure', paragraphs: [
            'We do not sell or give your personal information to third parties, the platform uses no third-party analytics or advertising, and personal information is stored inside the People\'s Republic of China.',
            'Text messages are sent through an SMS service provider; it receives only your mobile number and the message, and is bound to confidentiality by contract.',
            'Public lottery results and certificate verification show only the minimum, with names masked. Where laws or administrative regulations provide otherwise, they apply.',
          ] },
          { heading: '9. Your rights', paragraphs: [
            'See and copy: under "My account" you can see your details and download everything the platform keeps about you.',
            'Correct and complete: under "My account" you can change your real name, birth date and home; for anything else, ask your town\'s community education center.',
            'Withdraw and delete: under "My account" you can withdraw the separate consent for your ID number, which deletes the number. You may ask us to delete information when its purpose has been achieved, you have withdrawn consent or the retention period has ended.',
            'Close your account and other requests: contact us as in section 12. After checking who you are we answer within 15 working days; if we cannot do what you ask, we tell you why. You may also ask us to explain these rules.',
          ] },
          { heading: '10. Security', paragraphs: [
            'Mobile and ID numbers are stored encrypted; staff see only what their duties cover; important actions on personal information go to a tamper-evident audit log; the whole site uses encrypted connections.',
            'If a personal information security incident happens, we take remedial measures and inform you and the authorities as the law requires.',
          ] },
          { heading: '11. Changes to this notice', paragraphs: [
            'When this notice changes we publish a new version with its effective date; after you log in you see what changed and are asked to confirm once. Earlier versions stay readable on this page.',
          ] },
          { heading: '12. Contact us', paragraphs: [
            'For questions, comments or requests about this notice or your information, contact the {city} Community Education Committee Office (the person responsible for personal information protection), or go to the community education center of your town, where staff will record your request and pass it on.',
          ] },
        ],
      },
    },
  },
];
