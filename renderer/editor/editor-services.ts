/**
 * What the editor needs from the app, shared with element renderers through React context.
 */
import { createContext, useContext } from 'react';

export interface EditorServices {
  /** Loads an image for display, given its course-relative path (`images/x.svg`). */
  loadImage(path: string): Promise<string>;
  /** How image paths in this file start, relative to the course folder (`../` for modules). */
  imagePrefix: string;
  /** Loaded images by course-relative path, so re-renders do not reload them. */
  cache: Map<string, Promise<string>>;
}

export const EditorServicesContext = createContext<EditorServices>({
  loadImage: () => Promise.reject(new Error('No image loader')),
  imagePrefix: '../',
  cache: new Map(),
});

/** The editor's services (image loading). */
export function useEditorServices(): EditorServices {
  return useContext(EditorServicesContext);
}

/** Turns an image `src` written in the file into a course-relative path, if it is one. */
export function courseImagePath(src: string, prefix: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('/')) return undefined;
  const path = src.startsWith(prefix) ? src.slice(prefix.length) : src;
  return path.startsWith('images/') ? path : undefined;
}
