export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}
export declare function zipEntries(zip: Buffer): ZipEntry[];
export declare function readZipEntry(zip: Buffer, entry: ZipEntry): Buffer;
export declare const REQUIRED_ENTRIES: readonly string[];
export declare function checkVsix(zip: Buffer): string[];
