/** A file an export made, ready to send as a download. */
export interface ExportedFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

/** A file name of the event's title in plain ASCII letters, which every browser and mail client keeps. */
export function fileNameOf(prefix: string, title: string, extension: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${prefix}${slug ? `-${slug}` : ''}.${extension}`;
}
