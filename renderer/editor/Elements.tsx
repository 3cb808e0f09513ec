/**
 * How each node of the module looks while editing. `renderElement` and `renderLeaf` are
 * module-level functions (stable identities) so Slate re-renders only the nodes that changed.
 */
import { useEffect, useState, type JSX } from 'react';
import type { RenderChunkProps, RenderElementProps, RenderLeafProps } from 'slate-react';
import { useFocused, useSelected } from 'slate-react';
import type { ImageElement, TableElement } from './custom-types.js';
import { courseImagePath, useEditorServices } from './editor-services.js';

const KEPT_AS_WRITTEN = 'Kept as written — edit the file to change it';

/** Renders one element of the module. */
export function renderElement(props: RenderElementProps): JSX.Element {
  const { attributes, children, element } = props;
  switch (element.type) {
    case 'heading-two':
      return <h2 {...attributes}>{children}</h2>;
    case 'heading-three':
      return <h3 {...attributes}>{children}</h3>;
    case 'heading-four':
      return <h4 {...attributes}>{children}</h4>;
    case 'bulleted-list':
      return <ul {...attributes}>{children}</ul>;
    case 'numbered-list':
      return (
        <ol {...attributes} start={element.start ?? 1}>
          {children}
        </ol>
      );
    case 'list-item':
      return <li {...attributes}>{children}</li>;
    case 'block-quote':
      return <blockquote {...attributes}>{children}</blockquote>;
    case 'activity':
      return (
        // A group, not a landmark: a module has many activities, and landmarks must be unique.
        <div {...attributes} className="te-activity" role="group" aria-label="Activity">
          <div className="te-block-label" contentEditable={false}>
            <ActivityIcon />
            Activity
          </div>
          {children}
        </div>
      );
    case 'facilitator-note':
      return (
        // A note (aside content), not a landmark: there may be many in a module.
        <div
          {...attributes}
          className="te-facilitator"
          role="note"
          aria-label="Facilitator note, never shown to students"
          data-testid="facilitator-note"
        >
          <div className="te-block-label" contentEditable={false}>
            <EyeOffIcon />
            Facilitator note — never shown to students
          </div>
          {children}
        </div>
      );
    case 'image':
      return <ImageBlock {...props} element={element} />;
    case 'table':
      return <TableBlock {...props} element={element} />;
    case 'table-row':
      return <tr {...attributes}>{children}</tr>;
    case 'table-cell':
      return <td {...attributes}>{children}</td>;
    case 'protected':
      return (
        <div {...attributes} className="te-protected" data-testid="protected-block">
          <div contentEditable={false}>
            <div className="te-protected__label">
              <LockIcon />
              {KEPT_AS_WRITTEN}
            </div>
            <pre className="te-protected__source">{element.source}</pre>
          </div>
          {children}
        </div>
      );
    case 'protected-inline':
      return (
        <span {...attributes} className="te-protected-inline" title={KEPT_AS_WRITTEN}>
          <code contentEditable={false}>{element.source}</code>
          {children}
        </span>
      );
    case 'link':
      return (
        <a
          {...attributes}
          href={element.url}
          title={element.url}
          onClick={(e) => e.preventDefault()}
        >
          {children}
        </a>
      );
    default:
      return <p {...attributes}>{children}</p>;
  }
}

/**
 * Wraps each lowest chunk of a long module so the browser can skip laying out and painting
 * chunks that are off screen (`content-visibility: auto`).
 */
export function renderChunk({ attributes, children, lowest }: RenderChunkProps): JSX.Element {
  return lowest ? (
    <div {...attributes} className="te-chunk">
      {children}
    </div>
  ) : (
    children
  );
}

/** Renders bold and italic text. */
export function renderLeaf({ attributes, children, leaf }: RenderLeafProps): JSX.Element {
  let content = children;
  if (leaf.bold) content = <strong>{content}</strong>;
  if (leaf.italic) content = <em>{content}</em>;
  return <span {...attributes}>{content}</span>;
}

function TableBlock({ attributes, children }: RenderElementProps & { element: TableElement }) {
  const rows: JSX.Element[] = Array.isArray(children) ? children : [children];
  const [header, ...body] = rows;
  return (
    <div {...attributes} className="te-table-wrap">
      <table>
        <thead>{header}</thead>
        <tbody>{body}</tbody>
      </table>
    </div>
  );
}

function ImageBlock({
  attributes,
  children,
  element,
}: RenderElementProps & { element: ImageElement }) {
  const selected = useSelected();
  const focused = useFocused();
  const { loadImage, imagePrefix, cache } = useEditorServices();
  const [url, setUrl] = useState<string | undefined>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const path = courseImagePath(element.src, imagePrefix);
    if (!path) {
      setFailed(true);
      return;
    }
    let current = true;
    let promise = cache.get(path);
    if (!promise) {
      promise = loadImage(path);
      cache.set(path, promise);
    }
    promise.then(
      (dataUrl) => current && setUrl(dataUrl),
      () => {
        cache.delete(path);
        if (current) setFailed(true);
      },
    );
    return () => {
      current = false;
    };
  }, [element.src, imagePrefix, loadImage, cache]);
  return (
    <figure
      {...attributes}
      className={`te-image${selected && focused ? ' te-image--selected' : ''}`}
    >
      <div contentEditable={false}>
        {url ? (
          <img src={url} alt={element.alt} />
        ) : (
          <div className="te-image__placeholder">
            {failed ? `Image not found: ${element.src}` : 'Loading image…'}
          </div>
        )}
        <figcaption>
          <span className="te-image__alt-label">Description:</span>{' '}
          {element.alt || <em>none — please add one</em>}
        </figcaption>
      </div>
      {children}
    </figure>
  );
}

function ActivityIcon() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      width="16"
      height="16"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M12 2l2.6 6.2L21 9l-5 4.4L17.5 20 12 16.8 6.5 20 8 13.4 3 9l6.4-.8z" />
    </svg>
  );
}

function EyeOffIcon() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      width="16"
      height="16"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M17.94 17.94A10.07 10.07 0 0 1 12 20c-7 0-11-8-11-8a18.45 18.45 0 0 1 5.06-5.94" />
      <path d="M9.9 4.24A9.12 9.12 0 0 1 12 4c7 0 11 8 11 8a18.5 18.5 0 0 1-2.16 3.19" />
      <path d="M14.12 14.12a3 3 0 1 1-4.24-4.24" />
      <line x1="1" y1="1" x2="23" y2="23" />
    </svg>
  );
}

function LockIcon() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      width="14"
      height="14"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <rect x="4" y="11" width="16" height="10" rx="2" />
      <path d="M8 11V7a4 4 0 0 1 8 0v4" />
    </svg>
  );
}
