/**
 * Core schema of the module editor: which nodes are void or inline, the normalisation that
 * keeps the tree expressible in Markdown, and Enter/Backspace inside lists and containers.
 */
import { Editor, Element, Node, Path, Range, Text, Transforms } from 'slate';
import type { CustomEditor } from '../custom-types.js';
import { outdentListItem } from '../commands.js';
import { isHeadingType, isList, isListItem, isTextBlock, isType } from '../element-kinds.js';

const CONTAINERS = new Set(['block-quote', 'activity', 'facilitator-note', 'list-item']);
const VOIDS = new Set(['image', 'protected', 'protected-inline']);
const INLINES = new Set(['link', 'protected-inline']);

/** Adds Tandem's block schema and list/container editing behaviour to an editor. */
export function withTandemBlocks(editor: CustomEditor): CustomEditor {
  const { isVoid, isInline, markableVoid, normalizeNode, insertBreak, deleteBackward } = editor;

  editor.isVoid = (element) => VOIDS.has(element.type) || isVoid(element);
  editor.isInline = (element) => INLINES.has(element.type) || isInline(element);
  // Bold/italic around a protected code span should survive re-writing the paragraph.
  editor.markableVoid = (element) => element.type === 'protected-inline' || markableVoid(element);

  editor.normalizeNode = (entry, options) => {
    const [node, path] = entry;
    if (Editor.isEditor(node)) {
      // Always leave somewhere to type after a final image, table or note.
      const last = node.children[node.children.length - 1];
      if (!last || !(Element.isElement(last) && last.type === 'paragraph')) {
        Transforms.insertNodes(
          editor,
          { type: 'paragraph', children: [{ text: '' }] },
          { at: [node.children.length] },
        );
        return;
      }
    }
    if (Element.isElement(node)) {
      if (isList(node)) {
        if (node.children.length === 0) {
          Transforms.removeNodes(editor, { at: path });
          return;
        }
        for (const [child, childPath] of Node.children(editor, path)) {
          if (!isListItem(child)) {
            Transforms.wrapNodes(
              editor,
              { type: 'list-item', spread: false, children: [] },
              { at: childPath },
            );
            return;
          }
        }
      }
      if (CONTAINERS.has(node.type)) {
        if (node.children.length === 0) {
          if (node.type === 'list-item') Transforms.removeNodes(editor, { at: path });
          else
            Transforms.insertNodes(
              editor,
              { type: 'paragraph', children: [{ text: '' }] },
              { at: [...path, 0] },
            );
          return;
        }
        for (const [child, childPath] of Node.children(editor, path)) {
          // Text directly in a container (e.g. after unwrapping) goes into a paragraph.
          if (Text.isText(child) || (Element.isElement(child) && editor.isInline(child))) {
            Transforms.wrapNodes(editor, { type: 'paragraph', children: [] }, { at: childPath });
            return;
          }
          // A list item can only live in a list.
          if (isListItem(child)) {
            Transforms.wrapNodes(
              editor,
              { type: 'bulleted-list', spread: false, children: [] },
              { at: childPath },
            );
            return;
          }
        }
      }
      if (isListItem(node)) {
        const parent = Node.parent(editor, path);
        if (!isList(parent)) {
          Transforms.wrapNodes(
            editor,
            { type: 'bulleted-list', spread: false, children: [] },
            { at: path },
          );
          return;
        }
      }
    }
    normalizeNode(entry, options);
  };

  editor.insertBreak = () => {
    const { selection } = editor;
    if (!selection || !Range.isCollapsed(selection)) return insertBreak();
    const blockEntry = Editor.above(editor, { match: isTextBlock, mode: 'lowest' });
    if (!blockEntry) return insertBreak();
    const [block, blockPath] = blockEntry;
    const empty = Node.string(block) === '' && block.children.length === 1;
    const parent = Node.parent(editor, blockPath);

    if (isListItem(parent)) {
      // Enter on an empty item leaves the list (or the nesting level), like a word processor.
      if (empty && blockPath[blockPath.length - 1] === 0) {
        outdentListItem(editor);
        return;
      }
      Transforms.splitNodes(editor, { match: isListItem, always: true, mode: 'lowest' });
      return;
    }

    if (
      empty &&
      Element.isElement(parent) &&
      isType('block-quote', 'activity', 'facilitator-note')(parent) &&
      blockPath[blockPath.length - 1] === parent.children.length - 1 &&
      parent.children.length > 1
    ) {
      // Enter on an empty last line of a quote, activity or note steps out of it.
      Transforms.moveNodes(editor, { at: blockPath, to: Path.next(Path.parent(blockPath)) });
      return;
    }

    if (isHeadingType(block.type) && Editor.isEnd(editor, selection.anchor, blockPath)) {
      // A heading is followed by text, not by another heading.
      Transforms.insertNodes(
        editor,
        { type: 'paragraph', children: [{ text: '' }] },
        { at: Path.next(blockPath), select: true },
      );
      return;
    }
    insertBreak();
  };

  editor.deleteBackward = (unit) => {
    const { selection } = editor;
    if (selection && Range.isCollapsed(selection)) {
      const blockEntry = Editor.above(editor, { match: isTextBlock, mode: 'lowest' });
      if (blockEntry && Editor.isStart(editor, selection.anchor, blockEntry[1])) {
        const [block, blockPath] = blockEntry;
        const parent = Node.parent(editor, blockPath);
        if (isListItem(parent) && blockPath[blockPath.length - 1] === 0) {
          outdentListItem(editor);
          return;
        }
        if (isHeadingType(block.type)) {
          Transforms.setNodes(editor, { type: 'paragraph' }, { at: blockPath });
          return;
        }
      }
    }
    deleteBackward(unit);
  };

  return editor;
}
