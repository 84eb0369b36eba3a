import { randomUUID } from 'node:crypto';
import { open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Replaces a file atomically and durably: writes a temporary file beside it, flushes it to disk (`fsync`),
 * renames it over the target (atomic on POSIX file systems) and flushes the directory, so that after a crash at
 * any instant the file holds either the old content or the new one, never a mix or nothing.
 *
 * @param path - The file to replace.
 * @param data - The new content.
 * @internal
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomUUID()}.tmp`);
  const file = await open(temporary, 'w');
  try {
    await file.writeFile(data);
    await file.sync();
  } catch (error) {
    await file.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await file.close();
  await rename(temporary, path);
  await syncDirectory(dirname(path));
}

/**
 * Flushes a directory entry to disk (after a rename or a create); a no-op where directories cannot be opened.
 *
 * @internal
 */
export async function syncDirectory(directory: string): Promise<void> {
  let handle: Awaited<ReturnType<typeof open>> | null = null;
  try {
    handle = await open(directory, 'r');
    await handle.sync();
  } catch {
    // Windows and some file systems refuse to open or sync a directory: the rename is still atomic there
  } finally {
    await handle?.close();
  }
}

/**
 * Removes temporary files a crash left beside `path` by {@link writeFileAtomic}.
 *
 * @internal
 */
export async function removeStaleTemporaries(path: string): Promise<void> {
  const prefix = `.${basename(path)}.`;
  let names: string[];
  try {
    names = await readdir(dirname(path));
  } catch {
    return;
  }
  await Promise.all(
    names
      .filter((name) => name.startsWith(prefix) && name.endsWith('.tmp'))
      .map((name) => rm(join(dirname(path), name), { force: true })),
  );
}
