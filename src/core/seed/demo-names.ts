/** Invented place and person names for the demo city; none of them is a real place or person. */
export const DEMO_CITY = { code: '329901', name: '青溪市', population: 486_000 };

export const DEMO_TOWNS = [
  { suffix: '101', name: '柳泉镇', population: 61_200 },
  { suffix: '102', name: '石桥镇', population: 54_800 },
  { suffix: '103', name: '云湖镇', population: 72_300 },
  { suffix: '104', name: '桃林镇', population: 48_100 },
  { suffix: '105', name: '龙溪镇', population: 66_900 },
  { suffix: '106', name: '松岗镇', population: 39_400 },
  { suffix: '107', name: '白沙镇', population: 57_700 },
  { suffix: '108', name: '东港镇', population: 85_600 },
];

export const COMMUNITY_WORDS = ['新华', '和平', '文昌', '春晖', '锦绣', '滨河', '明珠', '阳光'];
export const VILLAGE_WORDS = ['杨庄', '李家', '红旗', '前进', '三里', '稻香', '青松', '荷塘', '枫林', '双井', '南湾', '北岗'];

export const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '朱', '高', '林', '何'];
export const GIVEN_NAMES = ['秀英', '建国', '桂兰', '志强', '海燕', '文斌', '玉梅', '德明', '丽华', '国庆', '春花', '永红', '晓东', '淑珍', '明亮', '雅琴'];
