import { apiClient } from '../../../api/client';
import { dataOrThrow } from '../../../api/results';
import type { components } from '../../../api/schema';
import { ApiError } from '../../../lib/api-error';
import { formErrorMessage } from '../../../lib/form-errors';
import { putFile } from './put-file';

export type ImageOut = components['schemas']['ImageOut'];
export type UploadPurpose = NonNullable<components['schemas']['UploadRequest']['purpose']>;

/** The types POST /uploads accepts; HEIC is what iPhones take photos in. */
export const ACCEPTED_IMAGE_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'image/heif',
] as const;

/** For `<input accept>`: extensions too, because some browsers give HEIC files no type. */
export const IMAGE_INPUT_ACCEPT = [...ACCEPTED_IMAGE_TYPES, '.heic', '.heif'].join(',');

const TYPE_BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  heic: 'image/heic',
  heif: 'image/heif',
};

/** The content type to declare for a file, or null when the API would refuse it. */
export function imageContentType(file: File): string | null {
  const declared = file.type.toLowerCase();
  if ((ACCEPTED_IMAGE_TYPES as readonly string[]).includes(declared)) return declared;
  if (declared) return null;
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  return TYPE_BY_EXTENSION[extension] ?? null;
}

/** Processing that outlasts this is reported as a failure the member can retry. */
const PROCESSING_TIMEOUT_MS = 60_000;
const FIRST_POLL_MS = 400;
const MAX_POLL_MS = 2_500;

export class ProcessingTimeout extends Error {
  override readonly name = 'ProcessingTimeout';
  constructor() {
    super('This photo is taking too long to process. Try again.');
  }
}

function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DOMException('Cancelled.', 'AbortError'));
      return;
    }
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new DOMException('Cancelled.', 'AbortError'));
      },
      { once: true },
    );
  });
}

export async function fetchImage(imageId: string, signal?: AbortSignal): Promise<ImageOut> {
  return dataOrThrow(
    await apiClient.GET('/api/v1/images/{image_id}', {
      params: { path: { image_id: imageId } },
      signal,
    }),
  );
}

/** Polls until the worker has made the variants or given up, with a short backoff. */
async function untilProcessed(image: ImageOut, signal?: AbortSignal): Promise<ImageOut> {
  const deadline = Date.now() + PROCESSING_TIMEOUT_MS;
  let delay = FIRST_POLL_MS;
  let current = image;
  while (current.status === 'processing' || current.status === 'awaiting_upload') {
    if (Date.now() + delay > deadline) throw new ProcessingTimeout();
    await wait(delay, signal);
    delay = Math.min(Math.round(delay * 1.5), MAX_POLL_MS);
    current = await fetchImage(image.id, signal);
  }
  return current;
}

interface UploadOptions {
  purpose: UploadPurpose;
  /** The share of bytes sent, 0 to 1. */
  onProgress?: (fraction: number) => void;
  /** The bytes are in; the server is making the variants. */
  onProcessing?: () => void;
  signal?: AbortSignal;
}

/**
 * The whole upload: ask for a presigned URL, PUT the bytes, say they are in, then wait
 * for processing. Resolves with the image, `ready` or `failed` (with its reason); throws
 * an ApiError, a network TypeError, an AbortError or ProcessingTimeout.
 */
export async function uploadImage(
  file: File,
  { purpose, onProgress, onProcessing, signal }: UploadOptions,
): Promise<ImageOut> {
  const ticket = dataOrThrow(
    await apiClient.POST('/api/v1/uploads', {
      body: {
        content_type: imageContentType(file) ?? file.type,
        size_bytes: file.size,
        purpose,
      },
      signal,
    }),
  );
  await putFile(ticket, file, { onProgress, signal });
  onProcessing?.();
  const completed = dataOrThrow(
    await apiClient.POST('/api/v1/uploads/{image_id}/complete', {
      params: { path: { image_id: ticket.id } },
      signal,
    }),
  );
  return untilProcessed(completed, signal);
}

const megabytes = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });

/** Why an upload failed, in words for the member. */
export function uploadErrorMessage(error: unknown): string {
  if (error instanceof ProcessingTimeout) return error.message;
  if (error instanceof ApiError && error.code === 'upload_too_large') {
    const limit = error.details?.max_bytes;
    return typeof limit === 'number'
      ? `This photo is larger than the ${megabytes.format(limit / 1_048_576)} MB limit.`
      : 'This photo is larger than the upload limit.';
  }
  return formErrorMessage(error);
}
