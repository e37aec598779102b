import { toApiError } from '../../../lib/api-error';

export interface PutTarget {
  upload_url: string;
  headers: Record<string, string>;
}

function parseBody(xhr: XMLHttpRequest): unknown {
  try {
    return JSON.parse(xhr.responseText) as unknown;
  } catch {
    return null;
  }
}

/**
 * PUTs a file's bytes to the presigned URL from POST /uploads. XMLHttpRequest rather than
 * `fetch`, because only XHR reports upload progress. The URL is our own API's (local
 * storage) or the object store's (S3), so it goes out with exactly the ticket's headers,
 * never through `apiClient`: its CSRF header and cookies are for our origin alone.
 */
export function putFile(
  target: PutTarget,
  file: Blob,
  { onProgress, signal }: { onProgress?: (fraction: number) => void; signal?: AbortSignal } = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    // Relative URLs are our origin's; absolute ones may be another's.
    const url = new URL(target.upload_url, globalThis.location.origin);
    xhr.open('PUT', url.href);
    // Cookies go only to our own origin, which the browser does for same-origin requests
    // anyway; a store on another origin gets none.
    xhr.withCredentials = false;
    for (const [name, value] of Object.entries(target.headers)) xhr.setRequestHeader(name, value);

    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress?.(1);
        resolve();
        return;
      }
      reject(toApiError(new Response(null, { status: xhr.status }), parseBody(xhr)));
    };
    // The same kind of error `fetch` throws when the network fails.
    xhr.onerror = () => {
      reject(new TypeError('The upload could not reach the server.'));
    };
    xhr.onabort = () => {
      reject(new DOMException('The upload was cancelled.', 'AbortError'));
    };

    if (signal?.aborted) {
      reject(new DOMException('The upload was cancelled.', 'AbortError'));
      return;
    }
    signal?.addEventListener(
      'abort',
      () => {
        xhr.abort();
      },
      { once: true },
    );
    xhr.send(file);
  });
}
