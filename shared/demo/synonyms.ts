// The demo catalogue's synonym list: words applicants use at the window → the catalogue's
// words (shared/search/synonyms.ts). Illustrative, built from the demo items' names; each
// window's 值班长 adds their own in 目录管理.
import type { Synonym } from '../search/synonyms';

export const demoSynonyms: Synonym[] = [
  { words: ['小卖部', '便利店', '小超市', '烟酒店', '杂货店'], means: '预包装食品' },
  { words: ['餐饮', '饭馆', '饭店', '小吃店', '餐馆'], means: '食品经营' },
  { words: ['许可证'], means: '许可' },
  { words: ['个体户', '个体'], means: '个体工商户' },
  { words: ['社保卡'], means: '社会保障卡' },
  { words: ['低保'], means: '最低生活保障' },
  { words: ['无犯罪证明', '良民证'], means: '无犯罪记录证明' },
  { words: ['网约车'], means: '网络预约出租汽车' },
  { words: ['房产证', '房本'], means: '不动产' },
  { words: ['身份证'], means: '居民身份证' },
];
