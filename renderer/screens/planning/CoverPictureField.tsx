/**
 * The prospectus cover: one of the library's pictures, or a new one chosen from this computer,
 * which the back end checks (type, size, SVG safety) and copies into images/.
 */
import { useState } from 'react';
import { errorMessage, tandem } from '../../api.js';

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

/** A select of `pictures` with an Add button; `onChange` gets the library-relative path. */
export function CoverPictureField({
  value,
  pictures,
  onChange,
}: {
  value: string;
  pictures: readonly string[];
  onChange(path: string): void;
}) {
  const [added, setAdded] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [adding, setAdding] = useState(false);
  const options = [...new Set([...pictures, ...added, ...(value ? [value] : [])])].sort();
  const add = async (file: File) => {
    setProblem(undefined);
    setAdding(true);
    try {
      const { path } = await tandem().addPicture({
        fileName: file.name,
        data: await base64Of(file),
      });
      setAdded((list) => [...list, path]);
      onChange(path);
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setAdding(false);
    }
  };
  return (
    <div className="field">
      <label htmlFor="college-cover">Prospectus cover picture</label>
      <select id="college-cover" value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">No cover picture</option>
        {options.map((path) => (
          <option key={path} value={path}>
            {path}
          </option>
        ))}
      </select>
      <label className="button button--small file-button">
        {adding ? 'Adding the picture…' : 'Add a picture from this computer'}
        <input
          id="college-cover-file"
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
        PNG, JPEG, GIF, WebP, AVIF or SVG, up to 5 MB. It is copied into the library&rsquo;s images
        folder.
      </p>
      {problem && (
        <p className="field__problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
