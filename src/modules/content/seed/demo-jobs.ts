import type { ContentJobsTable } from '../content-schema.js';
import { shanghaiDate } from '../items/shanghai-date.js';
import { htmlToText, sanitizeBody } from '../items/sanitize-html.js';
import { addDays, pastWorkMoment, type DemoCity, type DemoOwner } from './demo-model.js';
import type { Rng } from './demo-random.js';

/**
 * 30 invented job postings of the demo towns' employers: most open, some past their closing date (they keep
 * their pages). Contact lines carry landline numbers only. A training link points to a demo notice about a
 * matching course when there is one.
 */
export const JOB_COUNT = 30;
export const EXPIRED_JOB_COUNT = 6;

interface Position { title: string; pay: [number, number]; duties: string[]; needs: string[]; training: string; trades: string[] }

const POSITIONS: Position[] = [
  { title: '养老护理员', pay: [4200, 5800], duties: ['负责入住老人的日常生活照料和协助用药', '做好护理记录，及时向护士长反映老人身体变化'], needs: ['身体健康，有爱心和耐心', '持养老护理员证书者优先，无证者可参加中心组织的培训后上岗'], training: '养老护理员', trades: ['养老服务', '健康管理'] },
  { title: '电工', pay: [5500, 7500], duties: ['负责厂区供配电设备的巡检、维护和故障处理', '执行安全操作规程，做好设备运行记录'], needs: ['持有效的低压电工作业证', '有两年以上工厂电工经验者优先'], training: '电工', trades: ['机械制造', '电子科技', '建材'] },
  { title: '中式面点师', pay: [4800, 6500], duties: ['负责早餐和点心档口的面点制作', '保持操作间卫生，按规范做好食品留样'], needs: ['会制作包子、花卷、馒头等常见面点', '持健康证，能适应早班'], training: '中式面点', trades: ['食品', '餐饮管理'] },
  { title: '电商客服', pay: [4000, 5500], duties: ['通过网店后台解答顾客咨询，处理订单和售后', '整理顾客反馈，协助运营改进商品详情页'], needs: ['会熟练使用电脑，打字速度每分钟40字以上', '普通话标准，沟通有耐心'], training: '电商直播', trades: ['电子商务', '服饰', '食品'] },
  { title: '直播运营助理', pay: [4500, 7000], duties: ['协助主播准备直播脚本、样品和场景布置', '记录直播数据，配合做好粉丝维护'], needs: ['熟悉主流短视频和直播平台', '有农产品直播经验者优先'], training: '电商直播', trades: ['电子商务', '农业发展'] },
  { title: '叉车司机', pay: [5200, 6800], duties: ['负责仓库货物的装卸、搬运和码放', '做好叉车日常检查和保养'], needs: ['持有效的叉车作业证', '服从安排，能适应两班倒'], training: '叉车', trades: ['物流', '建材', '机械制造'] },
  { title: '缝纫工', pay: [4500, 7000], duties: ['按工艺要求完成服装裁片的缝制', '保证产品质量，配合质检返修'], needs: ['会操作平车、包缝机，熟练工优先', '计件工资，多劳多得'], training: '', trades: ['服饰', '纺织'] },
  { title: '家政服务员', pay: [4000, 6000], duties: ['为签约家庭提供保洁、烹饪和居家照料服务', '遵守服务规范，保护客户隐私'], needs: ['身体健康，无不良记录', '经公司岗前培训合格后上岗'], training: '家政服务员', trades: ['家政服务'] },
  { title: '仓库管理员', pay: [4300, 5600], duties: ['负责物料的收发、盘点和账目登记', '保持库区整洁，做好防火防潮'], needs: ['高中及以上学历，会使用办公软件', '细心负责，有仓管经验者优先'], training: '', trades: ['物流', '食品', '电子科技'] },
  { title: '社区教育兼职教师', pay: [2000, 3500], duties: ['按课程安排为居民授课，每周不少于4课时', '做好学员考勤和教学记录'], needs: ['在书法、舞蹈、手工、健康等方面有专长', '热心公益，退休教师优先'], training: '', trades: [] },
  { title: '数控车床操作工', pay: [6000, 8500], duties: ['按图纸要求完成零件加工和自检', '负责机床的日常保养'], needs: ['能看懂机械图纸，会操作数控车床', '有相关工作经验者优先，新手可带教'], training: '', trades: ['机械制造', '精密机械'] },
  { title: '保洁员', pay: [3000, 3800], duties: ['负责办公区域和公共区域的日常清洁', '做好垃圾分类和清运'], needs: ['身体健康，吃苦耐劳', '年龄60周岁以下'], training: '', trades: ['物业管理', '家政服务'] },
];

const EMPLOYER_WORDS = ['恒达', '瑞丰', '新禾', '云帆', '鑫源', '嘉和', '绿野', '万顺', '华泰', '金穗'];
const CONTACT_NAMES = ['王女士', '李先生', '张女士', '陈先生', '周女士', '吴先生', '刘女士', '孙先生'];

/** Which demo notices announce a training that matches a position (title contains its keyword). */
export type TrainingNotices = Array<{ id: string; title: string }>;

export function generateJobs(rng: Rng, city: DemoCity, createdBy: string, trainingNotices: TrainingNotices): ContentJobsTable[] {
  const jobs: ContentJobsTable[] = [];
  // Every position comes round before any repeats.
  const positions = Array.from({ length: Math.ceil(JOB_COUNT / POSITIONS.length) }, () => rng.sample(POSITIONS, POSITIONS.length)).flat();
  for (let i = 0; i < JOB_COUNT; i++) {
    const expired = i < EXPIRED_JOB_COUNT;
    // A few postings come from the partner employer's own account (a food company); others from the town or its center.
    const fromEmployer = city.employer !== null && i % 6 === 3;
    const position = fromEmployer ? rng.pick(POSITIONS.filter((p) => p.trades.includes('食品'))) : positions[i];
    const town = rng.pick(city.towns);
    const region = rng.chance(0.5) ? { id: town.id } : rng.pick(town.villages);
    const publishedAt = expired ? pastWorkMoment(rng, city.now, 120, 700) : pastWorkMoment(rng, city.now, 1, 80);
    const validUntil = expired ? addDays(publishedAt, rng.int(30, 90)) : addDays(city.now, rng.int(10, 120));
    const owner: DemoOwner = fromEmployer ? { type: 'institution', id: city.employer!.id, path: city.employer!.path }
      : rng.chance(0.5) ? { type: 'region', id: town.id, path: town.path } : { type: 'institution', id: town.center.id, path: town.center.path };
    const employer = fromEmployer ? city.employer!.name
      : position.trades.length === 0 ? town.center.name
        : `青溪${rng.pick(EMPLOYER_WORDS)}${rng.pick(position.trades)}有限公司`;
    const [low, high] = position.pay;
    const min = Math.round((low + rng.int(-3, 3) * 100) / 100) * 100;
    const max = Math.max(min, Math.round((high + rng.int(-3, 5) * 100) / 100) * 100);
    const salary = rng.chance(0.1) ? [null, null] : rng.chance(0.1) ? [min, null] : [min, max];
    const notice = position.training ? trainingNotices.find((n) => n.title.includes(position.training)) : undefined;
    const requirementsHtml = sanitizeBody([
      '<h3>岗位职责</h3>', '<ol>', ...position.duties.map((d) => `<li>${d}。</li>`), '</ol>',
      '<h3>任职要求</h3>', '<ol>', ...position.needs.map((d) => `<li>${d}。</li>`), '</ol>',
      `<h3>工作待遇</h3><p>${rng.pick(['缴纳五险，提供工作餐', '缴纳社会保险，包住宿', '法定节假日休息，年底有绩效奖金', '提供免费班车，节日发放福利'])}。</p>`,
    ].join(''));
    const at = publishedAt.toISOString();
    jobs.push({
      id: rng.uuidAt(publishedAt), employer_name: employer, position: position.title, headcount: rng.pick([1, 2, 2, 3, 5, 8, 10, 15]),
      region_id: region.id, salary_min: salary[0], salary_max: salary[1],
      requirements_html: requirementsHtml, requirements_text: htmlToText(requirementsHtml),
      contact: `${rng.pick(CONTACT_NAMES)} 0519-8${rng.int(1_000_000, 9_999_999)}，工作日 8:30—17:00`,
      valid_until: shanghaiDate(validUntil),
      training_link: notice ? `/a/${notice.id}` : position.training ? `${town.center.name} ${position.training}培训班` : null,
      owner_scope_type: owner.type, owner_scope_id: owner.id, owner_path: owner.path,
      status: 'published', published_at: at, view_count: rng.int(20, 900), created_by: createdBy, created_at: at, updated_at: at,
    });
  }
  return jobs;
}
