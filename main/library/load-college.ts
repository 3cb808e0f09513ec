/** Loads college.yml: the college's name, contact details, categories and venues. */
import path from 'node:path';
import { checkSiteSettings } from './check-site-settings.js';
import { isInside } from './library-paths.js';
import { problemAt } from './problem-at.js';
import { LibraryFiles } from './read-library-file.js';
import { readCheckedYaml, type LoadedYamlFile } from './read-checked-yaml.js';
import type { YamlSource } from './read-yaml-file.js';
import { collegeSchema } from './schemas.js';
import type { College, Problem } from './types.js';

export interface LoadedCollege extends LoadedYamlFile {
  college: College | undefined;
}

export const collegeFile = 'college.yml';

const missing =
  'college.yml is missing; every library needs one with the college name, contact details, categories and venues';

/** Reads and validates college.yml; `college` is undefined when the file cannot be used. */
export async function loadCollege(from: string | LibraryFiles): Promise<LoadedCollege> {
  const files = LibraryFiles.of(from);
  const parsed = await readCheckedYaml(files, collegeFile, missing, collegeSchema);
  const { value, problems } = parsed;
  if (!value) return { college: undefined, source: parsed.source, problems };

  const college: College = {
    name: value.name,
    tagline: value.tagline,
    contact: Object.fromEntries(Object.entries(value.contact).filter(([, v]) => v !== undefined)),
    currentTerm: value.currentTerm,
    categories: value.categories.map(({ id, title, description }) => ({ id, title, description })),
    venues: value.venues.map((venue) => ({
      id: venue.id,
      name: venue.name,
      address: venue.address,
      accessibility: venue.accessibility,
      online: venue.online ?? false,
    })),
  };
  if (value.holidays !== undefined) college.holidays = value.holidays;
  if (value.studentInfo) {
    const info = Object.entries(value.studentInfo).filter(([, v]) => v?.trim());
    if (info.length > 0) college.studentInfo = Object.fromEntries(info);
  }
  const site = checkSiteSettings(value, parsed.source);
  Object.assign(college, site.settings);
  problems.push(...site.problems);
  if (value.coverImage !== undefined) {
    const coverProblems = await coverImageProblems(files, value.coverImage, parsed.source);
    // A cover that cannot be used is left out, so nothing later tries to publish it.
    if (coverProblems.length === 0) college.coverImage = value.coverImage;
    problems.push(...coverProblems);
  }
  return { college, source: parsed.source, problems };
}

async function coverImageProblems(
  files: LibraryFiles,
  coverImage: string,
  source: YamlSource,
): Promise<Problem[]> {
  const resolved = path.posix.normalize(coverImage);
  if (
    path.posix.isAbsolute(coverImage) ||
    /^[a-z][a-z0-9+.-]*:/i.test(coverImage) ||
    !isInside('', resolved)
  ) {
    return [
      problemAt(
        source,
        ['coverImage'],
        'image-leaves-library',
        `coverImage "${coverImage}" must be a path inside the library folder, like images/cover.jpg`,
      ),
    ];
  }
  if ((await files.linkOnPath(resolved)) !== undefined) {
    return [
      problemAt(
        source,
        ['coverImage'],
        'symbolic-link',
        `coverImage "${coverImage}" goes through a symbolic link; use the picture file itself`,
      ),
    ];
  }
  if (await files.isFile(resolved)) return [];
  return [
    problemAt(
      source,
      ['coverImage'],
      'image-not-found',
      `coverImage file "${coverImage}" not found`,
    ),
  ];
}
