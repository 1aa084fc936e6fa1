import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * A file below `root`, or undefined when there is none. Paths that climb out of `root` are
 * refused, so a request can never read the rest of the disk.
 */
export async function readStaticFile(
  root: string,
  requestPath: string,
): Promise<{ body: Buffer; contentType: string } | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return undefined; // a malformed %-escape names no file: the web app answers with its not-found page
  }
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  const path = join(root, relative);
  if (path !== root && !path.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined;
  try {
    if (!(await stat(path)).isFile()) return undefined;
    return { body: await readFile(path), contentType: contentTypes[extname(path)] ?? 'application/octet-stream' };
  } catch {
    return undefined;
  }
}
