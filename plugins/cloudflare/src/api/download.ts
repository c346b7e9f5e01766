import { CloudflareEvidenceDownload } from './types';

/** Header in which the backend sends a snapshot's hex SHA-256 (exposed to the app by CORS). */
const SHA256_HEADER = 'x-cloudflare-evidence-sha256';

/**
 * The hex SHA-256 the backend sent with a snapshot: its own header, else `Content-Digest`
 * (`sha-256=:<base64>:`, RFC 9530).
 */
export function sha256FromHeaders(headers: Headers): string | undefined {
  const hex = headers.get(SHA256_HEADER);
  if (hex) return hex.toLowerCase();
  const base64 = headers.get('content-digest')?.match(/sha-256=:([^:]+):/)?.[1];
  if (!base64) return undefined;
  return Array.from(atob(base64), c =>
    c.charCodeAt(0).toString(16).padStart(2, '0'),
  ).join('');
}

/** The snapshot's bytes, file name (`Content-Disposition`) and hash from a download response. */
export async function evidenceDownloadOf(
  response: Response,
): Promise<CloudflareEvidenceDownload> {
  const disposition = response.headers.get('content-disposition');
  const fileName =
    disposition?.match(/filename="([^"]+)"/)?.[1] ?? 'cloudflare-evidence.json';
  return {
    blob: await response.blob(),
    fileName,
    sha256: sha256FromHeaders(response.headers),
  };
}

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
