import { DEMO_CITY, DEMO_TOWNS } from '../../../core/seed/demo-names.js';

/**
 * Words every installation's search dictionary knows, on top of jieba's general dictionary: the field's
 * terms (jieba alone cuts 社区教育 into 社区 / 教育), the demo city's place names and the abbreviations
 * that open document numbers (青教发〔2023〕12号). Admins add their own through the dictionary API.
 */
export const BUILT_IN_WORDS: readonly string[] = [
  '社区教育', '终身学习', '终身教育', '老年大学', '老年学校', '市民学校', '学分银行', '社区学院', '学习型城市', '学习型社会',
  '社区教育中心', '成人文化技术学校', '新型农民培训学校', '人口学校', '基层党校', '教育督导', '督导室', '目标管理',
  '专款专用', '查漏补缺', '有序开放', '政策解读', '政府信息公开', '索引号', '发文字号', '主送机关', '成文日期',
  DEMO_CITY.name, DEMO_CITY.name.replace(/市$/, ''),
  ...DEMO_TOWNS.flatMap((t) => [t.name, t.name.replace(/镇$/, '')]),
  '青教发', '青教办', '青政发', '青政办发', '青人社发', '青财教', '青社教委',
];
