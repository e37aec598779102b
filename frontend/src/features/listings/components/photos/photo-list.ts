import type { ImageOut } from '../../../media/api/uploads';

/** A listing takes at most this many photos (the API's limit). */
export const MAX_PHOTOS = 20;

export type PhotoStage = 'uploading' | 'processing' | 'ready' | 'failed';

/** One photo in the uploader: a file on its way, or an image the server has already. */
export interface Photo {
  /** Stable for React and for the move buttons; not the image id, which comes later. */
  key: string;
  /** The picked file, kept for a retry; null for photos the listing already had. */
  file: File | null;
  /** An object URL of the file, shown until the server's own variants exist. */
  preview: string | null;
  stage: PhotoStage;
  /** Share of the bytes sent, 0 to 1, while uploading. */
  progress: number;
  image: ImageOut | null;
  error: string | null;
}

export type PhotoAction =
  | { type: 'added'; photos: Photo[] }
  | { type: 'progressed'; key: string; progress: number }
  | { type: 'processing'; key: string }
  | { type: 'finished'; key: string; image: ImageOut }
  | { type: 'failed'; key: string; error: string }
  | { type: 'retried'; key: string }
  | { type: 'removed'; key: string }
  | { type: 'moved'; key: string; to: number };

function update(photos: Photo[], key: string, change: Partial<Photo>): Photo[] {
  return photos.map((photo) => (photo.key === key ? { ...photo, ...change } : photo));
}

export function photoListReducer(photos: Photo[], action: PhotoAction): Photo[] {
  switch (action.type) {
    case 'added':
      return [...photos, ...action.photos];
    case 'progressed':
      return update(photos, action.key, { progress: action.progress });
    case 'processing':
      return update(photos, action.key, { stage: 'processing', progress: 1 });
    case 'finished':
      return update(
        photos,
        action.key,
        action.image.status === 'ready'
          ? { stage: 'ready', image: action.image, error: null }
          : {
              stage: 'failed',
              image: action.image,
              error: action.image.failure_reason ?? 'We could not process this photo.',
            },
      );
    case 'failed':
      return update(photos, action.key, { stage: 'failed', error: action.error });
    case 'retried':
      return update(photos, action.key, {
        stage: 'uploading',
        progress: 0,
        image: null,
        error: null,
      });
    case 'removed':
      return photos.filter((photo) => photo.key !== action.key);
    case 'moved': {
      const from = photos.findIndex((photo) => photo.key === action.key);
      const to = Math.max(0, Math.min(action.to, photos.length - 1));
      const moving = photos[from];
      if (!moving || from === to) return photos;
      const rest = photos.filter((photo) => photo.key !== action.key);
      return [...rest.slice(0, to), moving, ...rest.slice(to)];
    }
  }
}

/** Photos the listing already has, ready, in their order. */
export function existingPhotos(images: ImageOut[]): Photo[] {
  return images.map((image) => ({
    key: image.id,
    file: null,
    preview: null,
    stage: image.status === 'ready' ? 'ready' : 'failed',
    progress: 1,
    image,
    error: image.status === 'ready' ? null : (image.failure_reason ?? 'This photo is not ready.'),
  }));
}

/** The image ids to send, in order: the ready photos. */
export function readyImageIds(photos: Photo[]): string[] {
  return photos.flatMap((photo) =>
    photo.stage === 'ready' && photo.image ? [photo.image.id] : [],
  );
}
