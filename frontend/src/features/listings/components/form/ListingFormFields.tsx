import { type Ref, useMemo } from 'react';
import { Controller, type UseFormReturn, useWatch } from 'react-hook-form';
import { SelectField, TextareaField, TextField } from '../../../../components/ui/TextField';
import { COUNTRY_OPTIONS } from '../../../profile/countries';
import { categoryPath, type ListingTaxonomy } from '../../api/taxonomy';
import type { PhotoUploads } from '../../hooks/usePhotoUploads';
import { PhotoUploader } from '../photos/PhotoUploader';
import { BrandCombobox } from './BrandCombobox';
import { CategoryPicker } from './CategoryPicker';
import { ColorPicker } from './ColorPicker';
import { ConditionPicker } from './ConditionPicker';
import { FormSection } from './FormSection';
import {
  CITY_MAX_LENGTH,
  DESCRIPTION_MAX_LENGTH,
  type ListingInput,
  type ListingValues,
  TITLE_MAX_LENGTH,
} from './listing-form';
import { SizeField } from './SizeField';

interface ListingFormFieldsProps {
  form: UseFormReturn<ListingInput, unknown, ListingValues>;
  taxonomy: ListingTaxonomy;
  uploads: PhotoUploads;
  /** The "Add photos" button, focused when the photos are what is wrong. */
  photosRef: Ref<HTMLButtonElement>;
}

/** Every field of a listing, in the order a seller thinks about them; shared by sell and edit. */
export function ListingFormFields({ form, taxonomy, uploads, photosRef }: ListingFormFieldsProps) {
  const {
    register,
    control,
    setValue,
    formState: { errors },
  } = form;
  const [title, description, categoryId] = useWatch({
    control,
    name: ['title', 'description', 'category_id'],
  });
  const category = useMemo(
    () => (categoryId ? categoryPath(taxonomy.categories, categoryId)?.at(-1) : undefined),
    [taxonomy.categories, categoryId],
  );

  return (
    <>
      <FormSection
        title="Photos"
        description="Good light and a plain background sell faster. Show any flaws, too."
      >
        <PhotoUploader ref={photosRef} uploads={uploads} error={errors.root?.photos?.message} />
      </FormSection>

      <FormSection title="About the item">
        <TextField
          label="Title"
          maxLength={TITLE_MAX_LENGTH}
          help={`What it is, in a few words: brand, type, colour. ${title.length} of ${TITLE_MAX_LENGTH} characters.`}
          error={errors.title?.message}
          {...register('title')}
        />
        <TextareaField
          label="Description"
          optional
          rows={6}
          help={`Its story, measurements, how it fits, any flaws. ${description.length} of ${DESCRIPTION_MAX_LENGTH} characters.`}
          error={errors.description?.message}
          {...register('description')}
        />
      </FormSection>

      <FormSection title="Details">
        <Controller
          control={control}
          name="category_id"
          render={({ field, fieldState }) => (
            <CategoryPicker
              ref={field.ref}
              tree={taxonomy.categories}
              value={field.value}
              onChange={(chosen) => {
                if (chosen.id === field.value) return;
                field.onChange(chosen.id);
                // Sizes belong to a category's size chart; a new category needs a new size.
                setValue('size_id', '');
              }}
              error={fieldState.error?.message}
            />
          )}
        />
        <Controller
          control={control}
          name="brand"
          render={({ field, fieldState }) => (
            <BrandCombobox
              ref={field.ref}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={fieldState.error?.message}
            />
          )}
        />
        {category?.has_sizes && (
          // Controlled: the options arrive after the value, which a plain select would drop.
          <Controller
            control={control}
            name="size_id"
            render={({ field, fieldState }) => (
              <SizeField
                key={category.id}
                categoryId={category.id}
                error={fieldState.error?.message}
                {...field}
              />
            )}
          />
        )}
        <Controller
          control={control}
          name="condition"
          render={({ field, fieldState }) => (
            <ConditionPicker
              ref={field.ref}
              conditions={taxonomy.conditions}
              value={field.value}
              onChange={field.onChange}
              error={fieldState.error?.message}
            />
          )}
        />
        <Controller
          control={control}
          name="colors"
          render={({ field, fieldState }) => (
            <ColorPicker
              ref={field.ref}
              colors={taxonomy.colors}
              value={field.value}
              onChange={field.onChange}
              error={fieldState.error?.message}
            />
          )}
        />
      </FormSection>

      <FormSection title="Price">
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField
            label="Price (€)"
            inputMode="decimal"
            autoComplete="off"
            placeholder="0.00"
            help="What the buyer pays for the item, before shipping."
            error={errors.price?.message}
            {...register('price')}
          />
          <TextField
            label="Quantity"
            inputMode="numeric"
            autoComplete="off"
            help="How many identical ones you have."
            error={errors.quantity?.message}
            {...register('quantity')}
          />
        </div>
      </FormSection>

      <FormSection
        title="Ships from"
        description="Buyers see the town and country; it helps them guess the shipping time."
      >
        <div className="grid gap-5 sm:grid-cols-2">
          <SelectField label="Country" error={errors.country?.message} {...register('country')}>
            <option value="">Choose a country</option>
            {COUNTRY_OPTIONS.map(({ code, name }) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </SelectField>
          <TextField
            label="Town or city"
            autoComplete="address-level2"
            maxLength={CITY_MAX_LENGTH}
            error={errors.city?.message}
            {...register('city')}
          />
        </div>
      </FormSection>
    </>
  );
}
