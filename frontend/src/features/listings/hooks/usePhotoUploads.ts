import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import {
  type ImageOut,
  imageContentType,
  uploadErrorMessage,
  uploadImage,
} from '../../media/api/uploads';
import {
  existingPhotos,
  MAX_PHOTOS,
  type Photo,
  photoListReducer,
} from '../components/photos/photo-list';

let lastKey = 0;

function newPhoto(file: File): Photo {
  lastKey += 1;
  return {
    key: `new-${lastKey}`,
    file,
    preview: URL.createObjectURL(file),
    stage: 'uploading',
    progress: 0,
    image: null,
    error: null,
  };
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * The photos of a listing being written: each picked file is uploaded at once, in
 * parallel, and followed until the server has processed it. Removing a photo, or leaving
 * the page, cancels its upload.
 */
export function usePhotoUploads(initialImages: ImageOut[]) {
  const [photos, dispatch] = useReducer(photoListReducer, initialImages, existingPhotos);
  const uploads = useRef(new Map<string, AbortController>());
  const previews = useRef(new Map<string, string>());
  // Files refused when picked, said next to the picker.
  const [notice, setNotice] = useState<string | null>(null);
  // For screen readers: what just happened to a photo.
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    const running = uploads.current;
    const urls = previews.current;
    return () => {
      for (const controller of running.values()) controller.abort();
      for (const url of urls.values()) URL.revokeObjectURL(url);
    };
  }, []);

  const upload = useCallback((key: string, file: File) => {
    const controller = new AbortController();
    uploads.current.set(key, controller);
    uploadImage(file, {
      purpose: 'item',
      signal: controller.signal,
      onProgress: (progress) => {
        dispatch({ type: 'progressed', key, progress });
      },
      onProcessing: () => {
        dispatch({ type: 'processing', key });
      },
    })
      .then((image) => {
        dispatch({ type: 'finished', key, image });
        setAnnouncement(
          image.status === 'ready'
            ? `${file.name} is ready.`
            : `${file.name} failed: ${image.failure_reason ?? 'it could not be processed'}.`,
        );
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        const message = uploadErrorMessage(error);
        dispatch({ type: 'failed', key, error: message });
        setAnnouncement(`${file.name} failed: ${message}`);
      })
      .finally(() => {
        uploads.current.delete(key);
      });
  }, []);

  const add = (files: Iterable<File>) => {
    const picked = Array.from(files);
    const images = picked.filter((file) => imageContentType(file) !== null);
    const room = Math.max(0, MAX_PHOTOS - photos.length);
    const added = images.slice(0, room).map(newPhoto);
    const problems: string[] = [];
    if (images.length < picked.length) {
      const refused = picked.length - images.length;
      problems.push(
        `${plural(refused, 'file was', 'files were')} not added: use JPEG, PNG, WebP or HEIC photos.`,
      );
    }
    if (images.length > room) {
      problems.push(`A listing takes up to ${MAX_PHOTOS} photos.`);
    }
    setNotice(problems.length > 0 ? problems.join(' ') : null);
    if (added.length === 0) return;
    dispatch({ type: 'added', photos: added });
    setAnnouncement(`Uploading ${plural(added.length, 'photo', 'photos')}.`);
    for (const photo of added) {
      if (photo.preview) previews.current.set(photo.key, photo.preview);
      if (photo.file) upload(photo.key, photo.file);
    }
  };

  const remove = (key: string) => {
    uploads.current.get(key)?.abort();
    const preview = previews.current.get(key);
    if (preview) {
      URL.revokeObjectURL(preview);
      previews.current.delete(key);
    }
    dispatch({ type: 'removed', key });
    setNotice(null);
    setAnnouncement('Photo removed.');
  };

  const move = (key: string, to: number) => {
    dispatch({ type: 'moved', key, to });
    const position = Math.max(0, Math.min(to, photos.length - 1)) + 1;
    setAnnouncement(
      position === 1
        ? 'Photo moved to position 1, the cover.'
        : `Photo moved to position ${position} of ${photos.length}.`,
    );
  };

  const retry = (key: string) => {
    const file = photos.find((photo) => photo.key === key)?.file;
    if (!file) return;
    dispatch({ type: 'retried', key });
    setAnnouncement(`Uploading ${file.name} again.`);
    upload(key, file);
  };

  return { photos, add, remove, move, retry, notice, announcement };
}

export type PhotoUploads = ReturnType<typeof usePhotoUploads>;
