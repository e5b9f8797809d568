/** A path for display: relative to cwd when inside it, with forward slashes. */
export function displayPath(filePath: string, cwd: string): string {
  const norm = (p: string) => p.replace(/\\/g, '/');
  const file = norm(filePath);
  const base = norm(cwd).replace(/\/$/, '');
  return file.startsWith(`${base}/`) ? file.slice(base.length + 1) : file;
}
