/**
 * What one load of a library found in each course folder, so that the next load in the same
 * process (a watched rebuild, the live preview) takes a course over instead of parsing and
 * checking it again when nothing in its folder has changed: the walk meets the same entries
 * with the same stamps, and every text file the course was loaded from is taken over unread
 * (see `TextReads`). A course's loading and Markdown checks read nothing outside its folder
 * (images must be inside it), so what is taken over is what loading it again would give.
 */
import type { LoadedCourses } from './load-courses.js';
import type { Problem } from './types.js';

export interface CourseLoad {
  /** The folder as the walk met it (`LibraryFiles.fingerprint`). */
  fingerprint: string;
  /** What loading the course gave: its part of `LoadedCourses`. */
  loaded: LoadedCourses;
  /** The text files it was loaded from, each read without a problem. */
  texts: string[];
  /** The keys of the derived texts (YAML data, Markdown findings) its load and checks used. */
  kept: string[];
  /** The problems the Markdown checks found in its bodies, once checked. */
  checked: Problem[] | undefined;
}

export class CourseLoads {
  readonly #loads = new Map<string, CourseLoad>();
  #earlier: Map<string, CourseLoad> | undefined;

  /** How many courses this load took over. */
  takenOver = 0;

  constructor(earlier?: CourseLoads) {
    this.#earlier = earlier ? earlier.#loads : undefined;
  }

  /** The earlier load of course `id` when its folder's fingerprint is still `fingerprint`. */
  earlier(id: string, fingerprint: string): CourseLoad | undefined {
    const load = this.#earlier?.get(id);
    return load?.fingerprint === fingerprint ? load : undefined;
  }

  /** Keeps what this load found of course `id`, for the next load. */
  keep(id: string, load: CourseLoad): void {
    this.#loads.set(id, load);
  }

  /** What this load found of course `id`, if it was kept. */
  get(id: string): CourseLoad | undefined {
    return this.#loads.get(id);
  }

  /** Lets the earlier load's courses go, once this load is done. */
  forgetEarlier(): void {
    this.#earlier = undefined;
  }
}
