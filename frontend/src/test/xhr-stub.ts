import { vi } from 'vitest';

export interface SentFile {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  withCredentials: boolean;
}

/**
 * Replaces XMLHttpRequest, which uploads photos because only it reports progress. Each
 * request reports half its bytes sent, then answers `status`. Returns what was sent.
 */
export function stubFileUploads(status = 204): SentFile[] {
  const sent: SentFile[] = [];

  class UploadStub {
    upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    onabort: (() => void) | null = null;
    status = 0;
    responseText = '';
    withCredentials = false;
    private method = '';
    private url = '';
    private readonly headers: Record<string, string> = {};

    open(method: string, url: string) {
      this.method = method;
      this.url = url;
    }

    setRequestHeader(name: string, value: string) {
      this.headers[name] = value;
    }

    abort() {
      this.onabort?.();
    }

    send(body: unknown) {
      sent.push({
        method: this.method,
        url: this.url,
        headers: this.headers,
        body,
        withCredentials: this.withCredentials,
      });
      setTimeout(() => {
        this.upload.onprogress?.(
          new ProgressEvent('progress', { lengthComputable: true, loaded: 50, total: 100 }),
        );
        this.status = status;
        this.onload?.();
      }, 0);
    }
  }

  vi.stubGlobal('XMLHttpRequest', UploadStub);
  return sent;
}
