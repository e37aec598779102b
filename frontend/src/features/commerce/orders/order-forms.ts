import { z } from 'zod';

export const CARRIER_MAX = 60;
export const TRACKING_MAX = 80;
export const DISPUTE_MAX = 2000;

export const shipSchema = z.object({
  carrier: z.string().trim().min(1, 'Enter the carrier.').max(CARRIER_MAX),
  tracking_number: z
    .string()
    .trim()
    .min(1, 'Enter the tracking number, so the buyer can follow the parcel.')
    .max(TRACKING_MAX),
});
export type ShipValues = z.infer<typeof shipSchema>;

export const disputeSchema = z.object({
  reason: z
    .string()
    .trim()
    .min(1, 'Say what is wrong, so a moderator can help.')
    .max(DISPUTE_MAX, `Use at most ${DISPUTE_MAX} characters.`),
});
export type DisputeValues = z.infer<typeof disputeSchema>;
