import { PhotoIcon } from '@heroicons/react/24/outline';
import { type CSSProperties, useState } from 'react';
import type { components } from '../../api/schema';

type ImageOut = components['schemas']['ImageOut'];
type VariantFiles = components['schemas']['VariantFiles'];

/**
 * The variants, narrowest first, one per width: a photo narrower than a variant's target
 * is not upscaled, so a small original can give the same width more than once.
 */
function variantsByWidth(image: ImageOut): VariantFiles[] {
  const byWidth = new Map<number, VariantFiles>();
  for (const variant of Object.values(image.variants ?? {})) byWidth.set(variant.width, variant);
  return [...byWidth.values()].sort((a, b) => a.width - b.width);
}

function srcSet(variants: VariantFiles[], format: 'webp' | 'jpeg'): string {
  return variants.map((variant) => `${variant[format]} ${variant.width}w`).join(', ');
}

/** Only our own server's inline placeholders go into CSS, never an arbitrary string. */
function placeholderUrl(image: ImageOut | null | undefined): string | undefined {
  const placeholder = image?.placeholder;
  return placeholder && /^data:image\/[a-z]+;base64,[A-Za-z0-9+/=]+$/.test(placeholder)
    ? `url("${placeholder}")`
    : undefined;
}

interface ResponsiveImageProps {
  image: ImageOut | null | undefined;
  alt: string;
  /** The `sizes` attribute: how wide the image shows, so the browser picks a variant. */
  sizes: string;
  /** 'cover' fills the box (cards, avatars); 'contain' shows the whole photo (gallery). */
  fit?: 'cover' | 'contain';
  /** 'natural' sizes the box to the photo's own aspect ratio; 'box' leaves it to `className`. */
  aspect?: 'natural' | 'box';
  /** For the first image on screen: loaded at once instead of when scrolled near. */
  eager?: boolean;
  /** Classes of the box: its size, aspect ratio, rounding. */
  className?: string;
}

/**
 * A processed photo as WebP with a JPEG fallback, each with a `srcset` over the variants.
 * The box takes its size before any byte arrives, painted with the photo's dominant
 * colour and tiny placeholder, so nothing moves when the image loads. The placeholder
 * goes once the photo is in: blown up from 16 pixels, its edges would show beside a
 * photo that does not fill the box. Give each photo its own element (`key`), so the next
 * one starts from its own placeholder.
 */
export function ResponsiveImage({
  image,
  alt,
  sizes,
  fit = 'cover',
  aspect = 'box',
  eager = false,
  className = '',
}: ResponsiveImageProps) {
  const [loaded, setLoaded] = useState(false);
  const variants = image?.status === 'ready' ? variantsByWidth(image) : [];
  const largest = variants.at(-1);
  const fallback = variants.find((variant) => variant.width >= 640) ?? largest;
  const style: CSSProperties = {
    backgroundColor: image?.dominant_color ?? undefined,
    backgroundImage: loaded ? undefined : placeholderUrl(image),
  };
  if (aspect === 'natural' && largest) style.aspectRatio = `${largest.width} / ${largest.height}`;

  return (
    <div
      className={`relative overflow-hidden bg-stone-100 bg-cover bg-center ${className}`}
      style={style}
    >
      {fallback && largest ? (
        <picture>
          <source type="image/webp" srcSet={srcSet(variants, 'webp')} sizes={sizes} />
          <img
            src={fallback.jpeg}
            srcSet={srcSet(variants, 'jpeg')}
            sizes={sizes}
            width={image?.width ?? largest.width}
            height={image?.height ?? largest.height}
            alt={alt}
            loading={eager ? 'eager' : 'lazy'}
            decoding="async"
            onLoad={() => {
              setLoaded(true);
            }}
            className={`absolute inset-0 size-full ${fit === 'cover' ? 'object-cover' : 'object-contain'}`}
          />
        </picture>
      ) : (
        <PhotoIcon
          className="absolute inset-0 m-auto size-1/3 max-h-12 max-w-12 text-stone-400"
          role={alt ? 'img' : undefined}
          aria-label={alt || undefined}
          aria-hidden={alt ? undefined : true}
        />
      )}
    </div>
  );
}
