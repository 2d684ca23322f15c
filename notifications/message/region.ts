/**
 * @module Short region names for the alarm callback's `alarmObjInfo.region` (`ap-shanghai` -> `sh`).
 */

/**
 * The vendor's short region names, as its monitoring callbacks and older API domains write them (the
 * callback sample shows `"region": "sh"`). A region not listed keeps its full id.
 */
export const SHORT_REGIONS: Readonly<Record<string, string>> = {
  'ap-guangzhou': 'gz',
  'ap-shanghai': 'sh',
  'ap-nanjing': 'nj',
  'ap-beijing': 'bj',
  'ap-chengdu': 'cd',
  'ap-chongqing': 'cq',
  'ap-hongkong': 'hk',
  'ap-shanghai-fsi': 'shjr',
  'ap-shenzhen-fsi': 'szjr',
  'ap-beijing-fsi': 'bjjr',
  'ap-singapore': 'sg',
  'ap-jakarta': 'jkt',
  'ap-seoul': 'kr',
  'ap-tokyo': 'jp',
  'ap-mumbai': 'in',
  'ap-bangkok': 'th',
  'na-toronto': 'ca',
  'na-siliconvalley': 'usw',
  'na-ashburn': 'use',
  'sa-saopaulo': 'sao',
  'eu-frankfurt': 'de',
  'eu-moscow': 'ru',
};

/**
 * The short name of a region id, or the id itself when it has none.
 *
 * @example
 * shortRegion('ap-guangzhou'); // 'gz'
 */
export function shortRegion(region: string): string {
  return SHORT_REGIONS[region] ?? region;
}
