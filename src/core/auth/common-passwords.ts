// Common passwords (ASVS 6.2.4), built from patterns seen in every leaked-password list plus
// Chinese-specific habits (5201314 "I love you for life", pinyin surnames, 8/6 lucky digits).
// Entries are lowercase; callers compare case-insensitively.

const ASCENDING = '01234567890';
const DESCENDING = '9876543210';

/** Straight runs, repeated digits and repeated short groups, 6–10 digits long. */
function digitRuns(): string[] {
  const runs: string[] = [];
  for (let length = 6; length <= 10; length++) {
    for (let start = 0; start + length <= ASCENDING.length; start++) runs.push(ASCENDING.slice(start, start + length));
    for (let start = 0; start + length <= DESCENDING.length; start++) runs.push(DESCENDING.slice(start, start + length));
    for (let digit = 0; digit <= 9; digit++) runs.push(String(digit).repeat(length));
  }
  for (const group of ['12', '123', '1234', '520', '521', '168', '518', '110', '119', '987', '321', '147', '258', '369']) {
    for (let copies = 2; group.length * copies <= 12; copies++) runs.push(group.repeat(copies));
  }
  return runs;
}

/** Keyboard rows from their left edge, number-row/letter-column zigzags, and their common spellings. */
function keyboardWalks(): string[] {
  const walks: string[] = [];
  for (const row of ['qwertyuiop', 'asdfghjkl', 'zxcvbnm', '1234567890']) {
    for (let length = 6; length <= row.length; length++) walks.push(row.slice(0, length));
  }
  // 1q, 2w, 3e … zigzags: 1qaz2wsx3edc and 1q2w3e4r5t6y prefixes.
  const columns = ['1qaz', '2wsx', '3edc', '4rfv', '5tgb', '6yhn'];
  for (let count = 2; count <= columns.length; count++) walks.push(columns.slice(0, count).join(''));
  const pairs = ['1q', '2w', '3e', '4r', '5t', '6y', '7u', '8i', '9o', '0p'];
  for (let count = 3; count <= pairs.length; count++) {
    walks.push(pairs.slice(0, count).join(''));
    walks.push(pairs.slice(0, count).map((pair) => pair[1] + pair[0]).join(''));
  }
  walks.push(
    'zaq12wsx', 'zaq1xsw2', '!qaz2wsx', '!qaz@wsx', '1qaz!qaz', 'qazwsx', 'qazwsxedc', 'qazwsxedcrfv',
    'qweasd', 'qweasdzxc', 'asdqwe123', 'qwe123', 'qwe123456', 'qwer1234', 'asdf1234', 'zxcv1234',
    'asd123', 'asd123456', 'zxc123', 'zxc123456', 'qweqwe', 'asdasd', 'zxczxc', 'qwerasdf', 'asdfjkl',
    'poiuytrewq', 'lkjhgfdsa', 'mnbvcxz', 'qwertyui', 'qwertyu', '1qazxsw2', 'xsw21qaz', 'qaz123',
    'qwaszx', '1q2w3e', '1q2w3e4r', '1q2w3e4r5t', '1qa2ws3ed', '123qwe', '123qweasd', '123qweasdzxc',
    '123asd', '123zxc', 'abc123456', '789456123', '741852963', '963852741', '147852369', '159357',
    '147258', '258369', '147258369', '159753', '147852', '789456', '456789', '123321', '123654',
    '321654', '654123', '666888', '888666', '168168', '518518', '5201314', '1314520', '5211314',
    '1314521', '520520', '521521', '1314520520', '52013145201314', '7758521', '7758258',
  );
  return walks;
}

/** Words people build passwords from, including pinyin (woaini = 我爱你, mima = 密码). */
const BASE_WORDS = [
  'password', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'pass', 'passwd', 'admin', 'administrator', 'root',
  'letmein', 'welcome', 'iloveyou', 'woaini', 'wodemima', 'mima', 'abc', 'abcd', 'abcde', 'abcdef', 'qwerty',
  'qq', 'a', 'aa', 'aaa', 'asd', 'asdf', 'zxc', 'test', 'user', 'guest', 'love', 'dragon', 'monkey',
  'china', 'beijing', 'shanghai', 'football', 'baseball', 'sunshine', 'princess', 'master', 'hello',
  'shadow', 'superman', 'system', 'manager', 'teacher', 'student', 'school', 'laoshi', 'xuexi',
  'jiaoyu', 'changeme', 'default', 'secret', 'login', 'zhang', 'wang', 'li', 'liu', 'chen', 'yang',
  'huang', 'zhao', 'wu', 'zhou', 'xu', 'sun', 'ma', 'zhu', 'hu', 'guo', 'he', 'lin', 'luo', 'gao',
] as const;

const WORD_SUFFIXES = [
  '', '1', '12', '123', '1234', '12345', '123456', '!', '!@#', '@123', '123!', '888', '666', '520', '1314',
] as const;

/** Short words that people most often pair with a birth or graduation year. */
const YEAR_WORDS = [
  'a', 'aa', 'abc', 'qq', 'love', 'woaini', 'admin', 'pass', 'zhang', 'wang', 'li', 'liu', 'chen',
  'yang', 'huang', 'zhao', 'wu', 'zhou', 'xu', 'sun',
] as const;

function wordsWithSuffixes(): string[] {
  return BASE_WORDS.flatMap((word) => WORD_SUFFIXES.map((suffix) => word + suffix));
}

function wordsWithYears(): string[] {
  const entries: string[] = [];
  for (let year = 1950; year <= 2025; year++) {
    for (const word of YEAR_WORDS) entries.push(word + year);
  }
  return entries;
}

/** Hand-picked entries that the generators above do not produce. */
const HAND_WRITTEN = [
  'abcd1234', 'a123456', 'a1234567', 'a12345678', 'aa123456', 'aa12345678', 'qq123456', 'qq5201314',
  'zhang123', 'abc12345', 'abcabc', 'abcabc123', 'password1', 'password123', 'iloveyou1', 'woaini1314',
  'woaini520', 'woaini5201314', 'qwerty123', 'qwertyuiop123', '11111111a', 'a11111111', 'aaaaaa', 'aaaaaaaa',
  'abcdefg', 'abcdefgh', 'abcdefghi', 'admin888', 'admin666', 'admin@123', 'admin12345', 'root123',
  'root@123', 'test1234', 'test@123', 'huawei123', 'huawei@123', 'changeme123', 'welcome1', 'welcome123',
  'p@ssw0rd!', 'passw0rd!', 'password!', 'iloveyou!', 'trustno1', 'zxcvbnm123', 'q1w2e3r4t5',
] as const;

function buildCommonPasswords(): ReadonlySet<string> {
  const all = [...digitRuns(), ...keyboardWalks(), ...wordsWithSuffixes(), ...wordsWithYears(), ...HAND_WRITTEN];
  return new Set(all.map((entry) => entry.toLowerCase()));
}

/** Lowercase common passwords; compare with `commonPasswords.has(candidate.toLowerCase())`. */
export const commonPasswords: ReadonlySet<string> = buildCommonPasswords();
