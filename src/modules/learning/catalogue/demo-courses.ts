import type { CourseCategory } from '../learning-schema.js';

/**
 * The demo catalogue's invented courses: title, category, hours and credits (in tenths), who it is for, and the
 * kind of institution that usually runs it. Descriptions are built from `focus` and `outcome`.
 */
export interface DemoCourse {
  title: string; category: CourseCategory; hours: number; credits: number; audience: string;
  runBy: 'center' | 'seniors' | 'citizen'; focus: string; outcome: string;
}

export const DEMO_COURSES: DemoCourse[] = [
  { title: '智能手机入门', category: 'digital', hours: 160, credits: 10, audience: '中老年居民', runBy: 'seniors', focus: '开关机、调大字体、连接无线网络、拍照和看照片', outcome: '能独立用手机和家人保持联系' },
  { title: '老年人数字生活课堂', category: 'digital', hours: 240, credits: 15, audience: '60岁以上老年人', runBy: 'seniors', focus: '扫码出行、网上挂号、查询医保和养老金', outcome: '出门办事不再被“码”难住' },
  { title: '微信视频通话与移动支付', category: 'digital', hours: 120, credits: 5, audience: '中老年居民', runBy: 'citizen', focus: '添加好友、视频通话、发红包、扫码付款和查看账单', outcome: '安全、放心地使用常用手机功能' },
  { title: '短视频拍摄与剪辑', category: 'digital', hours: 200, credits: 10, audience: '对拍摄有兴趣的居民', runBy: 'center', focus: '手机构图、运镜、配乐和字幕', outcome: '能把家乡风景和生活片段剪成一段短片' },
  { title: '电脑基础操作', category: 'digital', hours: 240, credits: 15, audience: '零基础居民', runBy: 'center', focus: '键盘鼠标、文件管理、文字录入和打印', outcome: '能完成日常的文字和表格工作' },
  { title: '网上办事一点通', category: 'digital', hours: 80, credits: 5, audience: '全体居民', runBy: 'citizen', focus: '政务服务平台注册、社保查询、水电燃气缴费', outcome: '常见事项足不出户就能办好' },
  { title: '手机摄影', category: 'digital', hours: 160, credits: 10, audience: '摄影爱好者', runBy: 'seniors', focus: '光线、构图、人像和花卉拍摄', outcome: '拍出让家人点赞的照片' },
  { title: '太极拳（二十四式）', category: 'health', hours: 320, credits: 20, audience: '中老年居民', runBy: 'seniors', focus: '站桩、步法和二十四式套路', outcome: '完整打完一套太极拳，强身健体' },
  { title: '八段锦', category: 'health', hours: 160, credits: 10, audience: '全体居民', runBy: 'citizen', focus: '八个动作的要领和呼吸配合', outcome: '养成每天锻炼的习惯' },
  { title: '中医养生', category: 'health', hours: 120, credits: 10, audience: '关注健康的居民', runBy: 'center', focus: '四季养生、常用穴位和药食同源', outcome: '掌握适合自己的日常保健方法' },
  { title: '慢病管理与合理膳食', category: 'health', hours: 80, credits: 5, audience: '高血压、糖尿病患者及家属', runBy: 'citizen', focus: '血压血糖自测、控盐控油和食谱搭配', outcome: '在家管好慢性病' },
  { title: '家庭急救常识', category: 'health', hours: 60, credits: 5, audience: '全体居民', runBy: 'center', focus: '心肺复苏、止血包扎和海姆立克急救法', outcome: '关键时刻会救人' },
  { title: '广场舞', category: 'health', hours: 240, credits: 10, audience: '舞蹈爱好者', runBy: 'citizen', focus: '基本步伐和三支完整的舞蹈', outcome: '参加镇里的广场舞展演' },
  { title: '书法（楷书）', category: 'arts', hours: 320, credits: 20, audience: '书法爱好者', runBy: 'seniors', focus: '执笔、笔画和颜体楷书结构', outcome: '写好一幅春联' },
  { title: '国画花鸟', category: 'arts', hours: 320, credits: 20, audience: '有一定基础的爱好者', runBy: 'seniors', focus: '梅兰竹菊和小写意花鸟', outcome: '完成一幅装裱作品' },
  { title: '合唱', category: 'arts', hours: 240, credits: 15, audience: '喜欢唱歌的居民', runBy: 'seniors', focus: '发声练习、识谱和多声部配合', outcome: '登台参加社区文艺汇演' },
  { title: '葫芦丝', category: 'arts', hours: 200, credits: 10, audience: '零基础居民', runBy: 'citizen', focus: '指法、气息和五首民歌', outcome: '能独立吹奏熟悉的曲子' },
  { title: '剪纸', category: 'arts', hours: 120, credits: 5, audience: '亲子家庭和中老年居民', runBy: 'citizen', focus: '对称剪、团花和窗花', outcome: '春节自己剪窗花' },
  { title: '越剧欣赏与演唱', category: 'arts', hours: 200, credits: 10, audience: '戏曲爱好者', runBy: 'seniors', focus: '经典唱段赏析和基本唱腔', outcome: '完整演唱一段经典唱段' },
  { title: '旗袍与形体', category: 'arts', hours: 160, credits: 10, audience: '女性居民', runBy: 'seniors', focus: '站姿、走姿和形体训练', outcome: '自信优雅地展示自己' },
  { title: '家庭种植技术', category: 'income', hours: 120, credits: 10, audience: '农户和种植爱好者', runBy: 'citizen', focus: '蔬菜育苗、病虫害绿色防治和科学施肥', outcome: '种出更多更好的菜' },
  { title: '电商直播入门', category: 'income', hours: 240, credits: 15, audience: '想开网店的居民', runBy: 'center', focus: '平台开店、选品、直播话术和售后', outcome: '开出第一场农产品直播' },
  { title: '茶叶采制技术', category: 'income', hours: 160, credits: 10, audience: '茶农', runBy: 'citizen', focus: '采摘标准、杀青揉捻和烘干', outcome: '提高自家茶叶的品质和售价' },
  { title: '特色养殖', category: 'income', hours: 120, credits: 10, audience: '养殖户', runBy: 'citizen', focus: '湖羊、土鸡的科学饲养和防疫', outcome: '降低损耗、增加收入' },
  { title: '农产品网店运营', category: 'income', hours: 200, credits: 10, audience: '农户和返乡青年', runBy: 'center', focus: '商品拍照、详情页、包装和物流', outcome: '把家乡特产卖到全国' },
  { title: '家政服务员培训', category: 'employment', hours: 400, credits: 20, audience: '有就业意向的居民', runBy: 'center', focus: '居家保洁、烹饪、衣物整理和服务礼仪', outcome: '参加职业技能等级认定' },
  { title: '养老护理员培训', category: 'employment', hours: 480, credits: 25, audience: '有就业意向的居民', runBy: 'center', focus: '生活照料、基础护理和康复服务', outcome: '持证上岗' },
  { title: '中式面点', category: 'employment', hours: 320, credits: 20, audience: '有就业或创业意向的居民', runBy: 'center', focus: '和面、发面和包子、花卷、馒头的制作', outcome: '掌握早餐档口的主要面点' },
  { title: '电工基础', category: 'employment', hours: 320, credits: 20, audience: '有就业意向的居民', runBy: 'center', focus: '用电安全、常用工具和照明线路安装', outcome: '为考取低压电工证打基础' },
  { title: '反诈知识讲堂', category: 'culture_civic', hours: 40, credits: 5, audience: '全体居民', runBy: 'citizen', focus: '冒充客服、刷单返利、保健品骗局等常见骗术', outcome: '守好自己和家人的钱袋子' },
  { title: '家风家教', category: 'culture_civic', hours: 60, credits: 5, audience: '家长和祖辈', runBy: 'citizen', focus: '好家风故事和隔代教育的方法', outcome: '和孩子好好沟通' },
  { title: '法律常识进社区', category: 'culture_civic', hours: 60, credits: 5, audience: '全体居民', runBy: 'citizen', focus: '婚姻家庭、遗嘱继承和邻里纠纷', outcome: '遇事懂法、依法维权' },
  { title: '垃圾分类与文明生活', category: 'culture_civic', hours: 40, credits: 5, audience: '全体居民', runBy: 'citizen', focus: '四分类标准和家庭减量小窍门', outcome: '做好垃圾分类' },
  { title: '地方历史文化', category: 'culture_civic', hours: 120, credits: 10, audience: '对家乡历史有兴趣的居民', runBy: 'center', focus: '古镇、老街和非遗故事', outcome: '为家乡讲好故事' },
  { title: '科学用药', category: 'science', hours: 40, credits: 5, audience: '中老年居民及家属', runBy: 'citizen', focus: '看懂说明书、药物相互作用和家庭小药箱', outcome: '安全合理用药' },
  { title: '气象与防灾', category: 'science', hours: 40, credits: 5, audience: '全体居民', runBy: 'center', focus: '台风、暴雨预警和家庭应急准备', outcome: '灾害来临时知道怎么做' },
  { title: '家庭节能小窍门', category: 'science', hours: 40, credits: 5, audience: '全体居民', runBy: 'citizen', focus: '家电节能、节水和绿色出行', outcome: '每月省下一笔电费水费' },
  { title: '英语口语入门', category: 'other', hours: 240, credits: 10, audience: '零基础居民', runBy: 'center', focus: '问候、问路、购物和旅行常用语', outcome: '出门旅游能用英语简单交流' },
  { title: '亲子阅读', category: 'other', hours: 80, credits: 5, audience: '3至8岁孩子的家长', runBy: 'citizen', focus: '绘本选择、共读方法和阅读习惯培养', outcome: '每天和孩子共读二十分钟' },
  { title: '老年心理健康', category: 'health', hours: 60, credits: 5, audience: '老年人及家属', runBy: 'seniors', focus: '退休适应、情绪调节和防范孤独', outcome: '心情舒畅地享受晚年' },
];
