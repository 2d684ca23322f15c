/**
 * @module The JSONata built-in functions the f(x) editor completes, each with its signature; the line saying
 * what it does (from the JSONata documentation's function library) is `jsonataFunctions.<name>` in the
 * panels bundles.
 */

export interface JsonataFunction {
  name: string;
  signature: string;
}

export const JSONATA_FUNCTIONS: JsonataFunction[] = [
  { name: '$string', signature: '$string(arg, prettify?)' },
  { name: '$length', signature: '$length(str)' },
  { name: '$substring', signature: '$substring(str, start, length?)' },
  { name: '$substringBefore', signature: '$substringBefore(str, chars)' },
  { name: '$substringAfter', signature: '$substringAfter(str, chars)' },
  { name: '$uppercase', signature: '$uppercase(str)' },
  { name: '$lowercase', signature: '$lowercase(str)' },
  { name: '$trim', signature: '$trim(str)' },
  { name: '$pad', signature: '$pad(str, width, char?)' },
  { name: '$contains', signature: '$contains(str, pattern)' },
  { name: '$split', signature: '$split(str, separator, limit?)' },
  { name: '$join', signature: '$join(array, separator?)' },
  { name: '$replace', signature: '$replace(str, pattern, replacement, limit?)' },
  { name: '$match', signature: '$match(str, pattern, limit?)' },
  { name: '$number', signature: '$number(arg)' },
  { name: '$round', signature: '$round(number, precision?)' },
  { name: '$floor', signature: '$floor(number)' },
  { name: '$abs', signature: '$abs(number)' },
  { name: '$sum', signature: '$sum(array)' },
  { name: '$max', signature: '$max(array)' },
  { name: '$min', signature: '$min(array)' },
  { name: '$average', signature: '$average(array)' },
  { name: '$count', signature: '$count(array)' },
  { name: '$append', signature: '$append(array1, array2)' },
  { name: '$sort', signature: '$sort(array, function?)' },
  { name: '$distinct', signature: '$distinct(array)' },
  { name: '$keys', signature: '$keys(object)' },
  { name: '$lookup', signature: '$lookup(object, key)' },
  { name: '$merge', signature: '$merge(array<object>)' },
  { name: '$exists', signature: '$exists(arg)' },
  { name: '$boolean', signature: '$boolean(arg)' },
  { name: '$not', signature: '$not(arg)' },
  { name: '$map', signature: '$map(array, function)' },
  { name: '$filter', signature: '$filter(array, function)' },
  { name: '$reduce', signature: '$reduce(array, function, init?)' },
  { name: '$now', signature: '$now(picture?, timezone?)' },
  { name: '$millis', signature: '$millis()' },
  { name: '$fromMillis', signature: '$fromMillis(number, picture?, timezone?)' },
  { name: '$toMillis', signature: '$toMillis(timestamp, picture?)' },
  { name: '$type', signature: '$type(value)' },
];
