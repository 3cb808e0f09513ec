/**
 * The prospectus cover: one of the library's pictures, or a new one chosen from this computer,
 * which the back end checks (type, size, SVG safety) and copies into images/.
 */
import { useState } from 'react';
import { AddPictureButton } from '../../components/AddPictureButton.js';

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
  const options = [...new Set([...pictures, ...added, ...(value ? [value] : [])])].sort();
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
      <AddPictureButton
        id="college-cover-file"
        onAdded={(path) => {
          setAdded((list) => [...list, path]);
          onChange(path);
        }}
      />
    </div>
  );
}
