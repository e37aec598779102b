import { ExclamationCircleIcon, PhotoIcon, PlusIcon } from '@heroicons/react/20/solid';
import { type DragEvent, forwardRef, useEffect, useId, useRef, useState } from 'react';
import { IMAGE_INPUT_ACCEPT } from '../../../media/api/uploads';
import type { PhotoUploads } from '../../hooks/usePhotoUploads';
import { MAX_PHOTOS } from './photo-list';
import { PHOTO_DRAG_TYPE, PhotoTile } from './PhotoTile';

interface PhotoUploaderProps {
  uploads: PhotoUploads;
  /** A problem with the photos as a whole, such as none to publish with. */
  error?: string | undefined;
}

function hasFiles(event: DragEvent): boolean {
  return event.dataTransfer.types.includes('Files');
}

/**
 * Photos for a listing: drop files anywhere on it or choose them with the button (which
 * on phones offers the camera), then drag tiles or use their arrows to reorder. The first
 * photo is the cover. The ref is the "Add photos" button, to focus when photos are missing.
 */
export const PhotoUploader = forwardRef<HTMLButtonElement, PhotoUploaderProps>(
  function PhotoUploader({ uploads, error }, ref) {
    const { photos, add, remove, move, retry, notice, announcement } = uploads;
    const inputRef = useRef<HTMLInputElement>(null);
    const listRef = useRef<HTMLUListElement>(null);
    const [draggingFiles, setDraggingFiles] = useState(false);
    const [dragged, setDragged] = useState<string | null>(null);
    const [dropIndex, setDropIndex] = useState<number | null>(null);
    // After a move the tile is re-rendered elsewhere; its arrow keeps the keyboard focus.
    const refocus = useRef<{ key: string; direction: 'left' | 'right' } | null>(null);
    const helpId = useId();
    const errorId = useId();

    useEffect(() => {
      const target = refocus.current;
      if (!target) return;
      refocus.current = null;
      const tile = listRef.current?.querySelector(`[data-photo="${target.key}"]`);
      const other = target.direction === 'left' ? 'right' : 'left';
      const button =
        tile?.querySelector<HTMLButtonElement>(`[data-move="${target.direction}"]:enabled`) ??
        tile?.querySelector<HTMLButtonElement>(`[data-move="${other}"]:enabled`);
      button?.focus();
    }, [photos]);

    const onMove = (key: string, to: number) => {
      const from = photos.findIndex((photo) => photo.key === key);
      move(key, to);
      refocus.current = { key, direction: to < from ? 'left' : 'right' };
    };

    const onDropOnTile = (event: DragEvent, index: number) => {
      const key = event.dataTransfer.getData(PHOTO_DRAG_TYPE);
      if (!key) return;
      event.preventDefault();
      event.stopPropagation();
      move(key, index);
      setDragged(null);
      setDropIndex(null);
    };

    const full = photos.length >= MAX_PHOTOS;
    const describedBy = [helpId, error ? errorId : null].filter(Boolean).join(' ');

    return (
      <fieldset
        aria-describedby={describedBy}
        onDragOver={(event) => {
          if (!hasFiles(event)) return;
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
          setDraggingFiles(true);
        }}
        onDragLeave={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) {
            setDraggingFiles(false);
          }
        }}
        onDrop={(event) => {
          if (!hasFiles(event)) return;
          event.preventDefault();
          setDraggingFiles(false);
          add(event.dataTransfer.files);
        }}
        className={`rounded-2xl border-2 border-dashed p-4 transition-colors sm:p-5 ${
          draggingFiles
            ? 'border-brand-500 bg-brand-50'
            : error
              ? 'border-red-300 bg-red-50/40'
              : 'border-stone-300 bg-stone-50/60'
        }`}
      >
        <legend className="sr-only">Photos</legend>
        <input
          ref={inputRef}
          type="file"
          multiple
          accept={IMAGE_INPUT_ACCEPT}
          tabIndex={-1}
          aria-hidden="true"
          className="sr-only"
          onChange={(event) => {
            if (event.target.files) add(event.target.files);
            // Cleared so that choosing the same file again still fires a change.
            event.target.value = '';
          }}
        />

        {photos.length === 0 ? (
          <div className="flex flex-col items-center px-4 py-8 text-center sm:py-10">
            <PhotoIcon className="size-12 text-stone-400" aria-hidden="true" />
            <p className="mt-3 text-base font-semibold text-stone-900">Add photos of your item</p>
            <p className="mt-1 hidden text-sm text-stone-600 sm:block">
              Drag them here, or choose them from your device.
            </p>
            <button
              ref={ref}
              type="button"
              onClick={() => inputRef.current?.click()}
              className="mt-4 inline-flex h-11 items-center gap-2 rounded-full bg-brand-800 px-5 text-sm font-semibold text-white shadow-sm hover:bg-brand-900"
            >
              <PlusIcon className="size-4" aria-hidden="true" />
              Add photos
            </button>
          </div>
        ) : (
          <ul
            ref={listRef}
            aria-label="Photos, the first is the cover"
            className="grid grid-cols-2 gap-x-3 gap-y-2 sm:grid-cols-4"
          >
            {photos.map((photo, index) => (
              <PhotoTile
                key={photo.key}
                photo={photo}
                index={index}
                count={photos.length}
                onMove={onMove}
                onRemove={remove}
                onRetry={retry}
                isDropTarget={dragged !== null && dragged !== photo.key && dropIndex === index}
                onDragStart={setDragged}
                onDragEnd={() => {
                  setDragged(null);
                  setDropIndex(null);
                }}
                onDragOverTile={setDropIndex}
                onDropOnTile={onDropOnTile}
              />
            ))}
            {!full && (
              <li>
                <button
                  ref={ref}
                  type="button"
                  onClick={() => inputRef.current?.click()}
                  className="flex aspect-square w-full flex-col items-center justify-center gap-1.5 rounded-xl border-2 border-dashed border-stone-300 bg-white text-sm font-semibold text-brand-800 hover:border-brand-500 hover:bg-brand-50"
                >
                  <PlusIcon className="size-6" aria-hidden="true" />
                  Add photos
                </button>
              </li>
            )}
          </ul>
        )}

        <p id={helpId} className="mt-3 text-center text-sm leading-6 text-stone-600">
          Up to {MAX_PHOTOS} photos: JPEG, PNG, WebP or HEIC. The first is the cover; drag the
          photos or use the arrows to change the order.
        </p>
        {notice && <p className="mt-1 text-center text-sm font-medium text-amber-800">{notice}</p>}
        {error && (
          <p
            id={errorId}
            className="mt-2 flex items-start justify-center gap-1.5 text-sm font-medium text-red-700"
          >
            <ExclamationCircleIcon className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
            <span>{error}</span>
          </p>
        )}
        <p role="status" className="sr-only">
          {announcement}
        </p>
      </fieldset>
    );
  },
);
