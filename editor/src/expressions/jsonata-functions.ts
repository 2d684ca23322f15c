/**
 * @module The JSONata built-in functions the f(x) editor completes, each with its signature and one line
 * saying what it does (from the JSONata documentation's function library).
 */

export interface JsonataFunction {
  name: string;
  signature: string;
  description: string;
}

export const JSONATA_FUNCTIONS: JsonataFunction[] = [
  { name: '$string', signature: '$string(arg, prettify?)', description: 'Casts a value to a string.' },
  { name: '$length', signature: '$length(str)', description: 'Number of characters in a string.' },
  { name: '$substring', signature: '$substring(str, start, length?)', description: 'Part of a string, from start.' },
  { name: '$substringBefore', signature: '$substringBefore(str, chars)', description: 'The string before the first occurrence of chars.' },
  { name: '$substringAfter', signature: '$substringAfter(str, chars)', description: 'The string after the first occurrence of chars.' },
  { name: '$uppercase', signature: '$uppercase(str)', description: 'The string in upper case.' },
  { name: '$lowercase', signature: '$lowercase(str)', description: 'The string in lower case.' },
  { name: '$trim', signature: '$trim(str)', description: 'Removes leading and trailing white space.' },
  { name: '$pad', signature: '$pad(str, width, char?)', description: 'Pads a string to a width.' },
  { name: '$contains', signature: '$contains(str, pattern)', description: 'True when the string contains the pattern.' },
  { name: '$split', signature: '$split(str, separator, limit?)', description: 'Splits a string into an array.' },
  { name: '$join', signature: '$join(array, separator?)', description: 'Joins an array of strings into one string.' },
  { name: '$replace', signature: '$replace(str, pattern, replacement, limit?)', description: 'Replaces occurrences of a pattern.' },
  { name: '$match', signature: '$match(str, pattern, limit?)', description: 'Matches of a regular expression in a string.' },
  { name: '$number', signature: '$number(arg)', description: 'Casts a value to a number.' },
  { name: '$round', signature: '$round(number, precision?)', description: 'Rounds a number (half to even).' },
  { name: '$floor', signature: '$floor(number)', description: 'Rounds a number down.' },
  { name: '$abs', signature: '$abs(number)', description: 'The absolute value of a number.' },
  { name: '$sum', signature: '$sum(array)', description: 'The sum of an array of numbers.' },
  { name: '$max', signature: '$max(array)', description: 'The largest number of an array.' },
  { name: '$min', signature: '$min(array)', description: 'The smallest number of an array.' },
  { name: '$average', signature: '$average(array)', description: 'The mean of an array of numbers.' },
  { name: '$count', signature: '$count(array)', description: 'Number of items in an array.' },
  { name: '$append', signature: '$append(array1, array2)', description: 'Appends two arrays.' },
  { name: '$sort', signature: '$sort(array, function?)', description: 'Sorts an array.' },
  { name: '$distinct', signature: '$distinct(array)', description: 'The array without duplicate values.' },
  { name: '$keys', signature: '$keys(object)', description: 'The keys of an object.' },
  { name: '$lookup', signature: '$lookup(object, key)', description: 'The value of a key of an object.' },
  { name: '$merge', signature: '$merge(array<object>)', description: 'Merges an array of objects into one.' },
  { name: '$exists', signature: '$exists(arg)', description: 'True when the expression gives a value.' },
  { name: '$boolean', signature: '$boolean(arg)', description: 'Casts a value to a Boolean.' },
  { name: '$not', signature: '$not(arg)', description: 'The Boolean negation of a value.' },
  { name: '$map', signature: '$map(array, function)', description: 'Applies a function to every item of an array.' },
  { name: '$filter', signature: '$filter(array, function)', description: 'The items of an array the function accepts.' },
  { name: '$reduce', signature: '$reduce(array, function, init?)', description: 'Folds an array into one value.' },
  { name: '$now', signature: '$now(picture?, timezone?)', description: 'The current time as an ISO 8601 string.' },
  { name: '$millis', signature: '$millis()', description: 'The current time in milliseconds since the epoch.' },
  { name: '$fromMillis', signature: '$fromMillis(number, picture?, timezone?)', description: 'Milliseconds since the epoch as a time string.' },
  { name: '$toMillis', signature: '$toMillis(timestamp, picture?)', description: 'A time string as milliseconds since the epoch.' },
  { name: '$type', signature: '$type(value)', description: 'The type of a value: string, number, object, ...' },
];
