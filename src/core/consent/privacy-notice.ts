import type { Locale } from '../i18n/i18n.js';
import { PRIVACY_NOTICE_VERSIONS, type NoticeText, type PrivacyNoticeVersion } from './privacy-notice-texts.js';

/** The version in force: the last one published. */
export function currentNotice(): PrivacyNoticeVersion {
  return PRIVACY_NOTICE_VERSIONS[PRIVACY_NOTICE_VERSIONS.length - 1];
}

export function noticeByVersion(version: number): PrivacyNoticeVersion | undefined {
  return PRIVACY_NOTICE_VERSIONS.find((n) => n.version === version);
}

/** Every version, newest first (the list under the notice). */
export function allNotices(): PrivacyNoticeVersion[] {
  return [...PRIVACY_NOTICE_VERSIONS].reverse();
}

/** The notice's text in a language, with the city's name filled in. */
export function noticeText(notice: PrivacyNoticeVersion, locale: Locale, city: string): NoticeText {
  const fill = (s: string) => s.replaceAll('{city}', city);
  const text = notice.text[locale];
  return { title: fill(text.title), sections: text.sections.map((s) => ({ heading: fill(s.heading), paragraphs: s.paragraphs.map(fill) })) };
}
