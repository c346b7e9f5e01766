import { CloudflareEvidenceDownload } from './types';

/**
 * Saves downloaded bytes as a file: an object URL behind a temporary `<a download>`.
 *
 * @public
 */
export function saveDownload(download: CloudflareEvidenceDownload): void {
  const url = URL.createObjectURL(download.blob);
  try {
    const a = document.createElement('a');
    a.href = url;
    a.download = download.fileName;
    a.rel = 'noopener';
    document.body.appendChild(a);
    a.click();
    a.remove();
  } finally {
    // Give the browser a moment to start the download before revoking.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}

/**
 * Hex SHA-256 of the bytes, computed in the browser, or undefined where Web Crypto is not available
 * (plain-HTTP origins, old test environments).
 *
 * @public
 */
export async function sha256Hex(blob: Blob): Promise<string | undefined> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle || typeof blob.arrayBuffer !== 'function') return undefined;
  const digest = await subtle.digest('SHA-256', await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), b =>
    b.toString(16).padStart(2, '0'),
  ).join('');
}
