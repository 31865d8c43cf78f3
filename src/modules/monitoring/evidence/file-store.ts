/**
 * Where evidence bytes live (decision 0014). A small interface so object storage (S3-like: put,
 * get, delete by key) can replace the disk without touching the use cases. Keys are
 * content-addressed (`evidence/<tenantId>/<sha256>`), so a put of the same key always carries
 * the same bytes: writing twice is harmless and nothing is ever overwritten with other content.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';

export interface FileStore {
  /** Stores the bytes under the key (idempotent for a content-addressed key). */
  put(key: string, bytes: Buffer): Promise<void>;
  /** The bytes under the key, or null when there are none. */
  get(key: string): Promise<Buffer | null>;
  /** Removes the bytes (clean-up of files no row references; not used by soft deletes). */
  remove?(key: string): Promise<void>;
}

/** The content-addressed key of an evidence file. */
export function evidenceKey(tenantId: string, sha256: string): string {
  return `evidence/${tenantId}/${sha256}`;
}

const keyPattern = /^[a-z0-9]+(\/[a-z0-9][a-z0-9-]*)*$/;

/**
 * The disk store: `<root>/<key>`, directories 0700, files 0600. A put writes a temporary file in
 * the same directory and renames it into place (atomic on one file system), so a reader never
 * sees half a file and a crash leaves only a `.tmp-…` file behind.
 */
export function createDiskFileStore(root: string): FileStore {
  const base = resolve(root);
  const pathOf = (key: string): string => {
    if (!keyPattern.test(key)) throw new Error(`invalid file store key: ${key}`);
    const path = resolve(join(base, key));
    if (!path.startsWith(base + sep)) throw new Error(`file store key escapes the root: ${key}`);
    return path;
  };
  return {
    async put(key, bytes) {
      const path = pathOf(key);
      const existing = await stat(path).catch(() => null);
      if (existing?.isFile() && existing.size === bytes.length) return;
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      const temporary = `${path}.tmp-${randomBytes(8).toString('hex')}`;
      try {
        const handle = await open(temporary, 'wx', 0o600);
        try {
          await handle.writeFile(bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temporary, path);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },
    async get(key) {
      try {
        return await readFile(pathOf(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async remove(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
