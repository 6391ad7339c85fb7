import { DEMO_CITY, DEMO_TOWNS } from '../../../core/seed/demo-names.js';

/**
 * The invented issuing organs (发文机关) of the demo city 青溪市: the education bureau, the community
 * education committee and each town's government, with the organ code used in index numbers (索引号), the
 * 机关代字 of their document numbers, who signs and who receives their documents.
 */
export interface DemoOrgan {
  key: string;
  name: string;
  code: string;
  /** 机关代字 + type character: 发 (main series), 办 (office series), 函 (letters). */
  prefixes: { main: string; office: string; letter: string };
  signers: string[];
  addressees: string[];
  cc: string[];
  printingOrgan: string;
  /** null: a city organ (owner scope: the city); else the index of the town in DEMO_TOWNS. */
  town: number | null;
}

const city = DEMO_CITY.name;

export const CITY_ORGANS: DemoOrgan[] = [
  {
    key: 'edu', name: `${city}教育局`, code: '014649301',
    prefixes: { main: '青教发', office: '青教办', letter: '青教函' },
    signers: ['周明远', '林国栋'],
    addressees: ['各镇人民政府，市各有关单位', '各镇社区教育中心，市直各学校', '各镇教育办公室，市直各学校（单位）'],
    cc: [`${city}人民政府办公室`, `${city}社区教育委员会办公室`, `${city}财政局、${city}人力资源和社会保障局`],
    printingOrgan: `${city}教育局办公室`, town: null,
  },
  {
    key: 'committee', name: `${city}社区教育委员会`, code: '014649328',
    prefixes: { main: '青社教委', office: '青社教委办', letter: '青社教委函' },
    signers: ['许文涛'],
    addressees: ['各镇社区教育委员会，市社区教育委员会各成员单位', '各镇人民政府，市各有关部门'],
    cc: [`${city}人民政府办公室`, `${city}教育局`, `${city}文明办、${city}民政局`],
    printingOrgan: `${city}社区教育委员会办公室`, town: null,
  },
];

const TOWN_MAYORS = ['沈建华', '顾志明', '钱玉清', '孙海峰', '韩德胜', '邵立新', '潘文彬', '蒋晓东'];

export const TOWN_ORGANS: DemoOrgan[] = DEMO_TOWNS.map((town, i) => {
  const abbr = town.name.slice(0, 1);
  return {
    key: `town${i + 1}`, name: `${town.name}人民政府`, code: `01465010${i + 1}`,
    prefixes: { main: `${abbr}政发`, office: `${abbr}政办`, letter: `${abbr}政函` },
    signers: [TOWN_MAYORS[i]],
    addressees: ['各村（社区），镇各有关单位', `各村民委员会、居民委员会，${town.name}各有关单位`],
    cc: [`${city}教育局`, `${city}社区教育委员会办公室`],
    printingOrgan: `${town.name}党政办公室`, town: i,
  };
});

export const DEMO_ORGANS: DemoOrgan[] = [...CITY_ORGANS, ...TOWN_ORGANS];
