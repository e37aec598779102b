import {
  ArrowLeftIcon,
  ArrowPathIcon,
  ArrowRightIcon,
  ExclamationTriangleIcon,
  TrashIcon,
} from '@heroicons/react/20/solid';
import { type DragEvent, useState } from 'react';
import { ResponsiveImage } from '../../../../components/ui/ResponsiveImage';
import { Spinner } from '../../../../components/ui/Spinner';
import type { Photo } from './photo-list';

/** The drag data type of a photo being reordered, so a tile never takes a dropped file. */
export const PHOTO_DRAG_TYPE = 'application/x-reloop-photo';

const iconButton =
  'inline-flex size-8 items-center justify-center rounded-full text-stone-600 hover:bg-stone-200/70 hover:text-stone-900 disabled:pointer-events-none disabled:opacity-30';

interface PhotoTileProps {
  photo: Photo;
  index: number;
  count: number;
  onMove: (key: string, to: number) => void;
  onRemove: (key: string) => void;
  onRetry: (key: string) => void;
  /** A photo dragged over this tile would land here. */
  isDropTarget: boolean;
  onDragStart: (key: string) => void;
  onDragEnd: () => void;
  onDragOverTile: (index: number) => void;
  onDropOnTile: (event: DragEvent, index: number) => void;
}

function LocalPreview({ src }: { src: string }) {
  // Browsers other than Safari cannot show HEIC; the tile keeps its grey box then.
  const [broken, setBroken] = useState(false);
  if (broken) return null;
  return (
    <img
      src={src}
      alt=""
      onError={() => {
        setBroken(true);
      }}
      className="absolute inset-0 size-full object-cover"
    />
  );
}

export function PhotoTile({
  photo,
  index,
  count,
  onMove,
  onRemove,
  onRetry,
  isDropTarget,
  onDragStart,
  onDragEnd,
  onDragOverTile,
  onDropOnTile,
}: PhotoTileProps) {
  const number = index + 1;
  const name = `photo ${number}`;
  const percent = Math.round(photo.progress * 100);
  const showServerImage = photo.stage === 'ready' && photo.image;

  return (
    <li
      data-photo={photo.key}
      draggable
      onDragStart={(event) => {
        event.dataTransfer.setData(PHOTO_DRAG_TYPE, photo.key);
        event.dataTransfer.effectAllowed = 'move';
        onDragStart(photo.key);
      }}
      onDragEnd={onDragEnd}
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes(PHOTO_DRAG_TYPE)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        onDragOverTile(index);
      }}
      onDrop={(event) => {
        onDropOnTile(event, index);
      }}
      className="flex cursor-grab flex-col gap-1 active:cursor-grabbing"
    >
      <div
        className={`relative aspect-square overflow-hidden rounded-xl bg-stone-100 ring-1 ${
          isDropTarget ? 'ring-2 ring-brand-600' : 'ring-stone-200'
        }`}
      >
        {showServerImage ? (
          <ResponsiveImage
            image={photo.image}
            alt={`Photo ${number}`}
            sizes="(min-width: 640px) 176px, 45vw"
            className="size-full"
          />
        ) : (
          <>
            <span className="sr-only">{`Photo ${number}`}</span>
            {photo.preview && <LocalPreview src={photo.preview} />}
          </>
        )}

        {index === 0 && (
          <span className="absolute top-2 left-2 rounded-full bg-brand-800 px-2 py-0.5 text-xs font-semibold text-white shadow-sm">
            Cover
          </span>
        )}

        {photo.stage === 'uploading' && (
          <div className="absolute inset-0 flex flex-col items-center justify-center gap-2 bg-stone-950/45 px-4 text-xs font-semibold text-white">
            Uploading {percent}%
            <div
              role="progressbar"
              aria-label={`Uploading ${name}`}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent}
              className="h-1.5 w-full max-w-28 overflow-hidden rounded-full bg-white/40"
            >
              <div className="h-full rounded-full bg-white" style={{ width: `${percent}%` }} />
            </div>
          </div>
        )}
        {photo.stage === 'processing' && (
          <div className="absolute inset-0 flex flex-col items-center justify-center gap-2 bg-stone-950/45 text-xs font-semibold text-white">
            <Spinner className="size-6 text-white" />
            Processing…
          </div>
        )}
        {photo.stage === 'failed' && (
          <div className="absolute inset-0 flex flex-col items-center justify-center gap-1.5 bg-red-950/80 p-2.5 text-center text-white">
            <ExclamationTriangleIcon className="size-5 shrink-0 text-red-200" aria-hidden="true" />
            <p className="line-clamp-4 text-xs leading-4 font-medium">{photo.error}</p>
            {photo.file && (
              <button
                type="button"
                onClick={() => {
                  onRetry(photo.key);
                }}
                aria-label={`Retry ${name}`}
                className="mt-0.5 inline-flex items-center gap-1 rounded-full bg-white px-2.5 py-1 text-xs font-semibold text-red-900 hover:bg-red-50"
              >
                <ArrowPathIcon className="size-3.5" aria-hidden="true" />
                Retry
              </button>
            )}
          </div>
        )}
      </div>

      <div className="flex items-center justify-between">
        <div className="flex">
          <button
            type="button"
            data-move="left"
            disabled={index === 0}
            onClick={() => {
              onMove(photo.key, index - 1);
            }}
            aria-label={`Move ${name} left`}
            className={iconButton}
          >
            <ArrowLeftIcon className="size-4" aria-hidden="true" />
          </button>
          <button
            type="button"
            data-move="right"
            disabled={index === count - 1}
            onClick={() => {
              onMove(photo.key, index + 1);
            }}
            aria-label={`Move ${name} right`}
            className={iconButton}
          >
            <ArrowRightIcon className="size-4" aria-hidden="true" />
          </button>
        </div>
        <button
          type="button"
          onClick={() => {
            onRemove(photo.key);
          }}
          aria-label={`Remove ${name}`}
          className={`${iconButton} hover:text-red-700`}
        >
          <TrashIcon className="size-4" aria-hidden="true" />
        </button>
      </div>
    </li>
  );
}
