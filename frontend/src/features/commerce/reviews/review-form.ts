import { z } from 'zod';

export const REVIEW_TEXT_MAX = 2000;

export const reviewSchema = z.object({
  rating: z.string().regex(/^[1-5]$/, 'Choose from 1 to 5 stars.'),
  text: z.string().trim().max(REVIEW_TEXT_MAX, `Use at most ${REVIEW_TEXT_MAX} characters.`),
});
export type ReviewValues = z.infer<typeof reviewSchema>;

export const replySchema = z.object({
  text: z
    .string()
    .trim()
    .min(1, 'Write your reply.')
    .max(REVIEW_TEXT_MAX, `Use at most ${REVIEW_TEXT_MAX} characters.`),
});
export type ReplyValues = z.infer<typeof replySchema>;
