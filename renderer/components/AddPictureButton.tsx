/**
 * Adds a picture from this computer, chosen or dropped on the button: the back end checks it
 * (type, size, SVG safety) and copies it into the library's images/ folder.
 */
import { useState } from 'react';
import { errorMessage, tandem } from '../api.js';

/** Reads a chosen file as base64, as the API carries bytes. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // In slices: one call with millions of arguments would overflow the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export interface AddPictureButtonProps {
  /** The file input's id, for tests and labels. */
  id: string;
  /** Gets the library-relative path of the picture as added, e.g. `images/map.png`. */
  onAdded(path: string): void;
}

/** "Add a picture from this computer", its hint and any refusal, in plain words. */
export function AddPictureButton({ id, onAdded }: AddPictureButtonProps) {
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [adding, setAdding] = useState(false);
  const [over, setOver] = useState(false);
  const add = async (file: File) => {
    setProblem(undefined);
    setAdding(true);
    try {
      const { path } = await tandem().addPicture({
        fileName: file.name,
        data: await base64Of(file),
      });
      onAdded(path);
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setAdding(false);
    }
  };
  return (
    <>
      <label
        className={`button button--small file-button${over ? ' file-button--over' : ''}`}
        onDragOver={(event) => {
          if (!event.dataTransfer.types.includes('Files')) return;
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(event) => {
          event.preventDefault();
          setOver(false);
          const file = event.dataTransfer.files[0];
          if (file && !adding) void add(file);
        }}
      >
        {adding ? 'Adding the picture…' : 'Add a picture from this computer'}
        <input
          id={id}
          type="file"
          className="visually-hidden"
          accept="image/png,image/jpeg,image/gif,image/webp,image/avif,image/svg+xml"
          disabled={adding}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void add(file);
          }}
        />
      </label>
      <p className="hint">
        PNG, JPEG, GIF, WebP, AVIF or SVG, up to 5 MB; choose one or drop it on the button. It is
        copied into the library&rsquo;s images folder.
      </p>
      {problem && (
        <p className="field__problem" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}
