/**
 * The link and image dialogs: small labelled panels over the editor. Escape cancels; the
 * image's description (alt text) is required before it can be inserted.
 */
import { useEffect, useId, useRef, useState, type JSX } from 'react';

interface DialogFrameProps {
  title: string;
  testId: string;
  onCancel(): void;
  onSubmit(): void;
  children: React.ReactNode;
  actions: React.ReactNode;
}

function DialogFrame({ title, testId, onCancel, onSubmit, children, actions }: DialogFrameProps) {
  const titleId = useId();
  return (
    <div
      className="te-dialog"
      role="dialog"
      aria-labelledby={titleId}
      data-testid={testId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        <h2 id={titleId} className="te-dialog__title">
          {title}
        </h2>
        {children}
        <div className="te-dialog__actions">{actions}</div>
      </form>
    </div>
  );
}

export interface LinkDialogProps {
  initialUrl: string;
  editing: boolean;
  onSave(url: string): void;
  onRemove(): void;
  onCancel(): void;
}

/** Asks for a link's web address; offers Remove when editing an existing link. */
export function LinkDialog({
  initialUrl,
  editing,
  onSave,
  onRemove,
  onCancel,
}: LinkDialogProps): JSX.Element {
  const [url, setUrl] = useState(initialUrl);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  useEffect(() => inputRef.current?.select(), []);
  const trimmed = url.trim();
  const valid = /^(https?:\/\/|mailto:|\.{0,2}\/|#)\S*$/i.test(trimmed) && trimmed.length > 0;
  return (
    <DialogFrame
      title={editing ? 'Edit link' : 'Add link'}
      testId="link-dialog"
      onCancel={onCancel}
      onSubmit={() => valid && onSave(trimmed)}
      actions={
        <>
          {editing ? (
            <button
              type="button"
              className="te-button te-button--quiet"
              data-testid="link-remove"
              onClick={onRemove}
            >
              Remove link
            </button>
          ) : null}
          <button type="button" className="te-button te-button--quiet" onClick={onCancel}>
            Cancel
          </button>
          <button
            type="submit"
            className="te-button te-button--primary"
            data-testid="link-save"
            disabled={!valid}
          >
            Save link
          </button>
        </>
      }
    >
      <label htmlFor={inputId} className="te-dialog__label">
        Web address
      </label>
      <input
        id={inputId}
        ref={inputRef}
        className="te-dialog__input"
        data-testid="link-url"
        type="url"
        value={url}
        placeholder="https://"
        onChange={(event) => setUrl(event.target.value)}
        aria-describedby={`${inputId}-hint`}
      />
      <p id={`${inputId}-hint`} className="te-dialog__hint">
        Starts with https:// (or mailto: for an email address).
      </p>
    </DialogFrame>
  );
}

export interface ImageDialogProps {
  /** Course-relative image paths, e.g. `images/river.svg`. */
  images: string[];
  onInsert(path: string, alt: string): void;
  onCancel(): void;
}

/** Picks one of the course's images and asks for its description before inserting it. */
export function ImageDialog({ images, onInsert, onCancel }: ImageDialogProps): JSX.Element {
  const [path, setPath] = useState(images[0] ?? '');
  const [alt, setAlt] = useState('');
  const [tried, setTried] = useState(false);
  const selectId = useId();
  const altId = useId();
  const selectRef = useRef<HTMLSelectElement>(null);
  useEffect(() => selectRef.current?.focus(), []);
  const missingAlt = alt.trim() === '';
  return (
    <DialogFrame
      title="Insert image"
      testId="image-dialog"
      onCancel={onCancel}
      onSubmit={() => {
        setTried(true);
        if (!missingAlt && path) onInsert(path, alt.trim());
      }}
      actions={
        <>
          <button type="button" className="te-button te-button--quiet" onClick={onCancel}>
            Cancel
          </button>
          <button
            type="submit"
            className="te-button te-button--primary"
            data-testid="image-insert"
            aria-disabled={missingAlt}
          >
            Insert image
          </button>
        </>
      }
    >
      <label htmlFor={selectId} className="te-dialog__label">
        Image
      </label>
      <select
        id={selectId}
        ref={selectRef}
        className="te-dialog__input"
        data-testid="image-path"
        value={path}
        onChange={(e) => setPath(e.target.value)}
      >
        {images.map((image) => (
          <option key={image} value={image}>
            {image.replace(/^images\//, '')}
          </option>
        ))}
      </select>
      <label htmlFor={altId} className="te-dialog__label">
        Description for people who cannot see the image (required)
      </label>
      <input
        id={altId}
        className="te-dialog__input"
        data-testid="image-alt"
        value={alt}
        required
        aria-invalid={tried && missingAlt}
        aria-describedby={`${altId}-hint`}
        onChange={(event) => setAlt(event.target.value)}
      />
      <p
        id={`${altId}-hint`}
        className={`te-dialog__hint${tried && missingAlt ? ' te-dialog__hint--error' : ''}`}
        role={tried && missingAlt ? 'alert' : undefined}
      >
        {tried && missingAlt
          ? 'Please describe the image before inserting it.'
          : 'Say what the image shows, in a short sentence.'}
      </p>
    </DialogFrame>
  );
}
