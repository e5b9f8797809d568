/**
 * Just enough POSIX path arithmetic for config resolution, without
 * `node:path` (core runs in browsers too). Callers pass absolute paths with
 * forward slashes; the CLI converts Windows paths at the edge.
 */

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  if (i < 0) return '.';
  return i === 0 ? '/' : path.slice(0, i);
}

/** Resolve `relative` against the folder `base` (`..` and `.` folded). */
export function resolvePath(base: string, relative: string): string {
  const absolute = relative.startsWith('/') || /^[A-Za-z]:\//.test(relative);
  const joined = absolute ? relative : `${base}/${relative}`;
  // A Windows drive (`C:`) is kept as the root.
  const drive = /^[A-Za-z]:(?=\/)/.exec(joined)?.[0] ?? '';
  const parts: string[] = [];
  for (const part of joined.slice(drive.length).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `${drive}/${parts.join('/')}`;
}

/** `file` relative to the folder `dir`, or null when it is not inside it. */
export function relativeTo(dir: string, file: string): string | null {
  const prefix = dir.endsWith('/') ? dir : `${dir}/`;
  return file.startsWith(prefix) ? file.slice(prefix.length) : null;
}
