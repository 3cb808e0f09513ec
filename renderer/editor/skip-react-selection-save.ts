/**
 * React saves the selection of a focused contenteditable before every commit and restores it
 * afterwards if focus moved, by walking all of the element's text to turn the selection into
 * character offsets (react-dom `getSelectionInformation`). In a long module that walk is the
 * largest single cost of a keystroke's commit, and it is wasted: Slate keeps the selection in
 * its own model and puts it back in the DOM itself after each render. React decides whether to
 * walk by reading the element's `contentEditable` property, so the editable area answers that
 * read with "inherit". The attribute, `isContentEditable` and the browser's editing are not
 * touched (React writes the attribute with setAttribute; Slate reads `isContentEditable`).
 */

/** Makes React skip its selection bookkeeping for `element`; returns a function that undoes it. */
export function skipReactSelectionSave(element: HTMLElement): () => void {
  Object.defineProperty(element, 'contentEditable', {
    configurable: true,
    get: () => 'inherit',
    // Writes still reach the element (through the prototype's setter).
    set(value: string) {
      element.setAttribute('contenteditable', value);
    },
  });
  return () => {
    // Removing the own property brings back HTMLElement's getter and setter.
    delete (element as { contentEditable?: string }).contentEditable;
  };
}
