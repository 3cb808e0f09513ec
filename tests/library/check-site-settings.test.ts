/** college.yml's site settings: time zone names and the public site address. */
import { writeFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTimeZone, normaliseSiteUrl } from '../../main/library/check-site-settings.js';
import { loadLibrary } from '../../main/library/load-library.js';
import { copyLibrary, fixtureLibrary } from '../support/temp-library.js';

describe('isTimeZone', () => {
  it.each([
    ['Europe/London', true],
    ['America/Argentina/Buenos_Aires', true],
    ['UTC', true],
    ['Europe/Londn', false],
    ['GMT+1', false],
    ['', false],
  ])('%j → %j', (zone, expected) => expect(isTimeZone(zone)).toBe(expected));
});

describe('normaliseSiteUrl', () => {
  it.each([
    ['https://college.example.org', 'https://college.example.org/'],
    ['https://college.example.org/courses', 'https://college.example.org/courses/'],
    ['http://localhost:8080/site/', 'http://localhost:8080/site/'],
    ['college.example.org', undefined],
    ['javascript:alert(1)', undefined],
    ['https://college.example.org/?utm=x', undefined],
  ])('%j → %j', (url, expected) => expect(normaliseSiteUrl(url)).toBe(expected));
});

describe('loading college.yml', () => {
  it('reads both settings', async () => {
    const { library } = await loadLibrary(fixtureLibrary('term-across-clock-change'));
    expect(library?.college.timeZone).toBe('Europe/London');
    expect(library?.college.siteUrl).toBe('https://riverside-recovery.example.org/courses/');
  });

  it('warns at the line of a wrong value and leaves the setting out', async () => {
    const copy = await copyLibrary(fixtureLibrary('term-across-clock-change'));
    try {
      const file = path.join(copy.root, 'college.yml');
      const yaml = (await readFile(file, 'utf8'))
        .replace('Europe/London', 'Europe/Londn')
        .replace('https://riverside-recovery.example.org/courses', 'riverside.example.org');
      await writeFile(file, yaml);
      const { library, problems } = await loadLibrary(copy.root);
      expect(library?.college.timeZone).toBeUndefined();
      expect(library?.college.siteUrl).toBeUndefined();
      const lineOf = (text: string) => yaml.split('\n').findIndex((l) => l.includes(text)) + 1;
      expect(
        problems
          .filter((p) => p.code === 'unknown-time-zone' || p.code === 'bad-site-url')
          .map((p) => [p.file, p.line, p.severity, p.message.split(';')[0]]),
      ).toEqual([
        [
          'college.yml',
          lineOf('timeZone'),
          'warning',
          'timeZone "Europe/Londn" is not a time zone name',
        ],
        [
          'college.yml',
          lineOf('siteUrl'),
          'warning',
          'siteUrl "riverside.example.org" must be the web address of the published site, like https://college.example.org/courses/',
        ],
      ]);
    } finally {
      await copy.dispose();
    }
  });
});
