/**
 * Lists a public key under a trainer in trainers.yml, editing the YAML document in place so the
 * file's comments, order and layout are kept.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isSeq, parseDocument, type Document } from 'yaml';
import { writeFileAtomic, type OnWrite } from '../fs/write-file-atomic.js';
import { parsePublicKeyLine } from '../library/public-key-line.js';

/**
 * Adds `{publicKey, added}` to the `keys` of `trainerId` in `<root>/trainers.yml`. Returns false
 * (and changes nothing) when that key is already listed. Throws when the file does not parse or
 * the trainer is not in it.
 */
export async function addTrainerKey(
  root: string,
  trainerId: string,
  publicKeyLine: string,
  added: string,
  onWrite?: OnWrite,
): Promise<boolean> {
  parsePublicKeyLine(publicKeyLine); // refuse to list something that is not a key
  const file = path.join(root, 'trainers.yml');
  const text = await readFile(file, 'utf8');
  // Widened from Document.Parsed so new (unparsed) nodes can be added to it.
  const doc: Document = parseDocument(text);
  if (doc.errors.length > 0) {
    throw new Error(
      `trainers.yml has YAML errors; fix them first: ${doc.errors[0]?.message ?? ''}`,
    );
  }
  if (!isSeq(doc.contents)) throw new Error('trainers.yml must be a list of trainers.');
  const trainer = doc.contents.items.find((item) => isMap(item) && item.get('id') === trainerId);
  if (!isMap(trainer)) throw new Error(`There is no trainer "${trainerId}" in trainers.yml.`);
  let keys = trainer.get('keys');
  if (!isSeq(keys)) {
    keys = doc.createNode([]);
    trainer.set('keys', keys);
  }
  if (!isSeq(keys)) throw new Error('Could not create the keys list.');
  const listed = keys.items.some((item) => {
    const value = isMap(item) ? item.get('publicKey') : undefined;
    return typeof value === 'string' && value.trim() === publicKeyLine;
  });
  if (listed) return false;
  keys.items.push(doc.createNode({ publicKey: publicKeyLine, added }));
  const next = doc.toString({ lineWidth: 0 });
  onWrite?.(file, next);
  await writeFileAtomic(file, next);
  return true;
}
