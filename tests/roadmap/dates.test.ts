import { describe, expect, it } from 'vitest';
import {
  formatRoadmapDate,
  formatRoadmapRange,
  parseRoadmapDate,
  type RoadmapDate,
} from '../../src/schemas/roadmap-dates.ts';

const iso = (time: number) => new Date(time).toISOString().slice(0, 10);
const parsed = (value: unknown) => {
  const date = parseRoadmapDate(value);
  if ('error' in date) throw new Error(date.error);
  return { precision: date.precision, start: iso(date.start), end: iso(date.end), text: date.text };
};

describe('parseRoadmapDate', () => {
  it('keeps each precision as a half-open range', () => {
    expect(parsed(2027)).toEqual({
      precision: 'year',
      start: '2027-01-01',
      end: '2028-01-01',
      text: '2027',
    });
    expect(parsed('2027')).toEqual({
      precision: 'year',
      start: '2027-01-01',
      end: '2028-01-01',
      text: '2027',
    });
    expect(parsed('2027-Q1')).toEqual({
      precision: 'quarter',
      start: '2027-01-01',
      end: '2027-04-01',
      text: '2027-Q1',
    });
    expect(parsed('2027-Q3')).toEqual({
      precision: 'quarter',
      start: '2027-07-01',
      end: '2027-10-01',
      text: '2027-Q3',
    });
    expect(parsed('2027-Q4')).toEqual({
      precision: 'quarter',
      start: '2027-10-01',
      end: '2028-01-01',
      text: '2027-Q4',
    });
    expect(parsed('2027-06')).toEqual({
      precision: 'month',
      start: '2027-06-01',
      end: '2027-07-01',
      text: '2027-06',
    });
    expect(parsed('2027-12')).toEqual({
      precision: 'month',
      start: '2027-12-01',
      end: '2028-01-01',
      text: '2027-12',
    });
    expect(parsed('2027-06-15')).toEqual({
      precision: 'day',
      start: '2027-06-15',
      end: '2027-06-16',
      text: '2027-06-15',
    });
    expect(parsed('2028-02-29')).toEqual({
      precision: 'day',
      start: '2028-02-29',
      end: '2028-03-01',
      text: '2028-02-29',
    });
    expect(parsed('2027-12-31')).toEqual({
      precision: 'day',
      start: '2027-12-31',
      end: '2028-01-01',
      text: '2027-12-31',
    });
  });

  it('rejects what is not a date, saying why', () => {
    expect(parseRoadmapDate('2027-13')).toEqual({
      error: '`2027-13` has no month 13 (use 01 to 12)',
    });
    expect(parseRoadmapDate('2027-00')).toEqual({
      error: '`2027-00` has no month 00 (use 01 to 12)',
    });
    expect(parseRoadmapDate('2027-02-29')).toEqual({
      error: '`2027-02-29` is not a day of Feb 2027',
    });
    expect(parseRoadmapDate('2027-04-31')).toEqual({
      error: '`2027-04-31` is not a day of Apr 2027',
    });
    expect(parseRoadmapDate('2027-06-00')).toEqual({
      error: '`2027-06-00` is not a day of Jun 2027',
    });
    expect(parseRoadmapDate('2027-Q5')).toHaveProperty('error');
    expect(parseRoadmapDate('27-06')).toHaveProperty('error');
    expect(parseRoadmapDate('June 2027')).toHaveProperty('error');
    expect(parseRoadmapDate('2027-6')).toHaveProperty('error');
    expect(parseRoadmapDate(2027.5)).toHaveProperty('error');
    expect(parseRoadmapDate(true)).toHaveProperty('error');
    expect(parseRoadmapDate(null)).toHaveProperty('error');
    expect(parseRoadmapDate('1850')).toEqual({
      error: 'year `1850` is out of range (1900 to 2199)',
    });
  });

  it('formats each precision for readers', () => {
    const date = (value: string) => parseRoadmapDate(value) as RoadmapDate;
    expect(formatRoadmapDate(date('2027'))).toBe('2027');
    expect(formatRoadmapDate(date('2027-Q3'))).toBe('Q3 2027');
    expect(formatRoadmapDate(date('2027-06'))).toBe('Jun 2027');
    expect(formatRoadmapDate(date('2027-06-05'))).toBe('5 Jun 2027');
    expect(formatRoadmapRange(date('2026-07'), date('2029-06'))).toBe('Jul 2026 – Jun 2029');
    expect(formatRoadmapRange(date('2028'), undefined)).toBe('from 2028');
    expect(formatRoadmapRange(date('2028'), date('2028'))).toBe('2028');
  });
});
