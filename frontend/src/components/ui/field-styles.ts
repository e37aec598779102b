/**
 * Text inputs, text areas and selects share one look. Invalid controls get a red border
 * through Headless UI's `data-invalid`; focus keeps the app-wide `:focus-visible` ring.
 * `text-base` below `sm` stops iOS from zooming into a focused field.
 */
export const controlClasses =
  'block w-full rounded-xl border border-stone-300 bg-white px-3.5 text-base text-stone-900 shadow-xs placeholder:text-stone-400 hover:border-stone-400 focus:border-brand-600 data-invalid:border-red-600 sm:text-sm';
