// picomatch ships no types and @types/picomatch is not installed; the
// POSIX entry point is the browser-safe one (no `process.platform`).
declare module 'picomatch/posix.js' {
  interface Options {
    dot?: boolean;
    basename?: boolean;
    nocase?: boolean;
  }
  function picomatch(glob: string | string[], options?: Options): (path: string) => boolean;
  export default picomatch;
}
