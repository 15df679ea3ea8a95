/**
 * The inputs of the bulk import mutations. The preview's file is checked as a whole here (empty,
 * too large, unknown or missing columns), so those refusals come back like any malformed input;
 * its rows are checked one by one by `readExternalSubscriptionCsv` and stored with their errors.
 */
import { z } from 'zod';

import { expectedVersionSchema, idSchema } from './fields.js';
import { externalSubscriptionCsvFileErrors } from './external-subscription-csv.js';
import { optional, requiredText } from './schema-helpers.js';

export const FILE_NAME_MAX_LENGTH = 255;

export const subscriptionImportPreviewInputSchema = z
  .object({
    /** The file's text. */
    csv: z.string(),
    fileName: requiredText(FILE_NAME_MAX_LENGTH),
    /** The file is for this one customer: its rows may leave `customer_domain` empty. */
    customerId: optional(idSchema),
  })
  .superRefine((input, context) => {
    for (const error of externalSubscriptionCsvFileErrors(input.csv, { isForOneCustomer: input.customerId !== undefined })) {
      context.addIssue({ code: 'custom', message: error.message, path: ['csv'] });
    }
  });
export type SubscriptionImportPreviewInput = z.infer<typeof subscriptionImportPreviewInputSchema>;

const importReference = {
  subscriptionImportId: idSchema,
  expectedVersion: expectedVersionSchema,
};

export const subscriptionImportStartInputSchema = z.object(importReference);
export type SubscriptionImportStartInput = z.infer<typeof subscriptionImportStartInputSchema>;

export const subscriptionImportCancelInputSchema = z.object(importReference);
export type SubscriptionImportCancelInput = z.infer<typeof subscriptionImportCancelInputSchema>;
