import type { CoreContext } from '../../../core/context.js';
import type { Actor } from '../../../core/access/actor.js';
import { loadGrants } from '../../../core/auth/sessions.js';
import { surveyDb } from './survey-schema.js';
import { insertSurveyDraft } from './survey-commands.js';
import { surveyQuestions } from './survey-repository.js';
import { submitResponse } from './submit-response.js';
import type { SurveyInput } from './survey-schemas.js';

const DAY = 86_400_000;

/**
 * Where the demo residents live and when they were born. Residents sign up at city level; the demo gives
 * resident07–24 a home village (07–12 in the third town, 13–24 in the second) so the town survey has respondents
 * and the results have towns to break down by, and everyone a birth date spread over the age groups. Only rows
 * still at city level without a birth date change, so a later seed that set them is left alone. The first town
 * (the demo `town` admin's) is not touched: its user lists stay as the other demos describe them.
 */
const BIRTH_YEARS = [1948, 1952, 1955, 1957, 1960, 1962, 1964, 1967, 1971, 1976, 1983, 1995];

async function placeDemoResidents(core: CoreContext, now: Date) {
  const db = surveyDb(core);
  const city = await db.selectFrom('regions').select(['id', 'path']).where('level', '=', 'city').executeTakeFirstOrThrow();
  const towns = await db.selectFrom('regions').select(['id']).where('level', '=', 'town').orderBy('sort').execute();
  if (towns.length < 3) return;
  const villagesOf = async (townId: string) => db.selectFrom('regions').select(['id', 'path'])
    .where('parent_id', '=', townId).where('level', '=', 'village').orderBy('sort').execute();
  const [town2, town3] = [await villagesOf(towns[1].id), await villagesOf(towns[2].id)];
  const at = now.toISOString();
  for (let i = 1; i <= 24; i++) {
    const username = `resident${String(i).padStart(2, '0')}`;
    const user = await db.selectFrom('users').select(['id', 'home_path', 'birth_date']).where('username', '=', username).executeTakeFirst();
    if (!user) continue;
    const year = BIRTH_YEARS[i % BIRTH_YEARS.length];
    const birth = user.birth_date ?? `${year}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + ((i * 7) % 28)).padStart(2, '0')}`;
    const list = i >= 13 ? town2 : i >= 7 ? town3 : [];
    const village = list.length > 0 && user.home_path === city.path ? list[i % list.length] : null;
    await db.updateTable('users').set({
      birth_date: birth, updated_at: at,
      ...(village ? { home_scope_type: 'region' as const, home_scope_id: village.id, home_path: village.path } : {}),
    }).where('id', '=', user.id).execute();
  }
}

async function actorOf(core: CoreContext, username: string): Promise<Actor | null> {
  const user = await core.db.selectFrom('users').select(['id', 'username', 'display_name']).where('username', '=', username).executeTakeFirst();
  if (!user) return null;
  // Only what the survey commands read: who, and the grants that set their scope.
  return {
    userId: user.id, username: user.username, displayName: user.display_name, kind: 'staff', grants: await loadGrants(core.db, user.id),
    permissions: new Set(), sessionIdHash: '', csrfToken: '', mfaEnabled: false, mfaSetupRequired: false, passwordChangeRequired: false,
  };
}

function citySurvey(regionId: string, now: Date): SurveyInput {
  return {
    title: '老年人数字技能学习需求调查',
    description: '为办好“银龄数字课堂”，请各位中老年朋友告诉我们最想学什么、怎么学。问卷不记名，约需 3 分钟。',
    regionId, opensAt: new Date(now.getTime() - 10 * DAY).toISOString(), closesAt: new Date(now.getTime() + 30 * DAY).toISOString(),
    questions: [
      { kind: 'single', title: '您最想学习哪一项手机技能？', required: true,
        options: ['智能手机基本操作', '微信聊天与视频通话', '移动支付与网上购物', '网上挂号与健康码', '识别和防范电信诈骗'] },
      { kind: 'multiple', title: '您希望用哪些方式学习？（最多选 2 项）', required: true, maxChoices: 2,
        options: ['到镇社区教育中心上课', '在村（社区）市民学校上课', '看网络课程视频', '志愿者一对一辅导'] },
      { kind: 'single', title: '您每周方便学习的时间是？', required: true, options: ['工作日上午', '工作日下午', '周末'] },
      { kind: 'text', title: '您还有什么建议？', maxLength: 200 },
    ],
  };
}

function townSurvey(regionId: string, townName: string, now: Date): SurveyInput {
  return {
    title: `${townName}居民职业技能培训需求调查`,
    description: '镇社区教育中心计划明年开设一批免费技能培训班，请选择您感兴趣的项目。',
    regionId, opensAt: new Date(now.getTime() - 5 * DAY).toISOString(), closesAt: new Date(now.getTime() + 20 * DAY).toISOString(),
    questions: [
      { kind: 'multiple', title: '您对哪些培训项目感兴趣？', required: true, options: ['农村电商与直播带货', '家政服务', '特色果蔬种植', '中式烹调', '电工基础'] },
      { kind: 'single', title: '哪个时段参加培训最方便？', required: true, options: ['工作日白天', '工作日晚上', '周末'] },
      { kind: 'text', title: '您希望培训后获得什么帮助？', maxLength: 300 },
    ],
  };
}

const SUGGESTIONS = ['希望老师讲慢一点，多练习几遍。', '能不能把课程内容印成大字的讲义？', '希望在村里就能上课，不用跑远路。', '最怕被骗，希望多讲防诈骗。'];
const HOPES = ['希望能推荐就业岗位。', '想拿到职业技能证书。', '希望有创业补贴政策的讲解。'];

/** Answers from the demo residents, through the same command (and checks) as a resident's own submission. */
async function answer(core: CoreContext, surveyId: string, usernames: string[], pick: (i: number, q: number, options: string[]) => string[] | string | null) {
  const db = surveyDb(core);
  const questions = await surveyQuestions(db, surveyId);
  for (const [i, username] of usernames.entries()) {
    const user = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    if (!user) continue;
    const answers = questions.map((q, qi) => {
      const choice = pick(i, qi, q.options.map((o) => o.id));
      if (q.kind === 'text') return { questionId: q.id, text: typeof choice === 'string' ? choice : '' };
      return { questionId: q.id, optionIds: Array.isArray(choice) ? choice : [] };
    });
    await submitResponse(core, user.id, surveyId, answers);
  }
}

/** Two published surveys with answers: a city-wide one on seniors' digital skills, and one for the second town. */
export async function seedDemoSurveys(core: CoreContext): Promise<void> {
  const db = surveyDb(core);
  if (await db.selectFrom('learning_surveys').select('id').limit(1).executeTakeFirst()) return;
  const now = core.clock.now();
  const [admin, town02] = [await actorOf(core, 'admin'), await actorOf(core, 'town02')];
  const city = await db.selectFrom('regions').select('id').where('level', '=', 'city').executeTakeFirst();
  const towns = await db.selectFrom('regions').select(['id', 'name']).where('level', '=', 'town').orderBy('sort').execute();
  if (!admin || !town02 || !city || towns.length < 3) return;
  await placeDemoResidents(core, now);

  const at = now.toISOString();
  const ids = await db.transaction().execute(async (trx) => {
    const a = await insertSurveyDraft(trx, admin, citySurvey(city.id, now), at);
    const b = await insertSurveyDraft(trx, town02, townSurvey(towns[1].id, towns[1].name, now), at);
    await trx.updateTable('learning_surveys').set({ status: 'published', published_at: at, version: 2 }).where('id', 'in', [a.id, b.id]).execute();
    return [a.id, b.id];
  });

  const residents = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => `resident${String(from + k).padStart(2, '0')}`);
  await answer(core, ids[0], residents(1, 20), (i, q, options) => {
    if (q === 0) return [options[[0, 1, 4, 2, 4, 1, 0, 3, 4, 1][i % 10]]];
    if (q === 1) return i % 3 === 0 ? [options[1], options[3]] : [options[i % 4]];
    if (q === 2) return [options[i % 5 === 0 ? 2 : i % 2]];
    return i % 4 === 1 ? SUGGESTIONS[i % SUGGESTIONS.length] : null;
  });
  await answer(core, ids[1], residents(13, 22), (i, q, options) => {
    if (q === 0) return i % 2 === 0 ? [options[0], options[2]] : [options[i % 5]];
    if (q === 1) return [options[i % 3]];
    return i % 3 === 0 ? HOPES[i % HOPES.length] : null;
  });
}
