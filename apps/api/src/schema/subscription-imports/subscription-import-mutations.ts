/**
 * The bulk import mutations: preview a CSV file, start the import, cancel it. They need the
 * permission that registers a subscription bought elsewhere (`subscriptionRegisterExternal`'s),
 * since that is what the import does, row by row. Thin: each hands its input to `runMutation`
 * with the business function in src/services/subscription-imports/.
 */
import { MUTATION_PERMISSIONS } from '@switchyard/domain';
import { builder } from '../../builder.js';
import { subscriptionImportCancel } from '../../services/subscription-imports/cancel-subscription-import.js';
import { subscriptionImportPreview } from '../../services/subscription-imports/preview-subscription-import.js';
import { subscriptionImportStart } from '../../services/subscription-imports/start-subscription-import.js';
import { defineMutationField } from '../mutation-field.js';
import { mutationPayload } from '../mutation-payload.js';
import { SubscriptionImport } from './subscription-import.js';

const IMPORT_PERMISSION = MUTATION_PERMISSIONS.subscriptionRegisterExternal;

const SubscriptionImportPreviewInput = builder.inputType('SubscriptionImportPreviewInput', {
  description: 'A CSV file of subscriptions bought elsewhere. See the API guide, “Bulk import”, for the columns and limits.',
  fields: (t) => ({
    csv: t.string({ required: true, description: 'The file’s text (UTF-8, comma-separated, a header row first).' }),
    fileName: t.string({ required: true, description: 'The file’s name, to recognise the import later.' }),
    customerId: t.id({ description: 'The file is for this one customer: its rows may leave `customer_domain` empty.' }),
  }),
});

const SubscriptionImportStartInput = builder.inputType('SubscriptionImportStartInput', {
  fields: (t) => ({
    subscriptionImportId: t.id({ required: true }),
    expectedVersion: t.int({ description: 'The `version` you last read; refused with STALE_VERSION if it changed since.' }),
  }),
});

const SubscriptionImportCancelInput = builder.inputType('SubscriptionImportCancelInput', {
  fields: (t) => ({
    subscriptionImportId: t.id({ required: true }),
    expectedVersion: t.int({ description: 'The `version` you last read; refused with STALE_VERSION if it changed since.' }),
  }),
});

const importField = { type: SubscriptionImport, description: 'The import as it is now; null when refused.' };

defineMutationField('subscriptionImportPreview', {
  payload: mutationPayload('SubscriptionImportPreview', {
    description: 'The result of `subscriptionImportPreview`: the import in PREVIEW with every row and its errors.',
    fields: { subscriptionImport: importField },
  }),
  definition: subscriptionImportPreview,
  input: SubscriptionImportPreviewInput,
  description:
    'Read a CSV file of subscriptions bought elsewhere and check every row, registering nothing yet. A file that cannot be read at all (empty, too large, a missing or unknown column) is refused with userErrors on `csv`; invalid rows are kept with their errors (outcome INVALID).',
  permission: IMPORT_PERMISSION,
});

defineMutationField('subscriptionImportStart', {
  payload: mutationPayload('SubscriptionImportStart', {
    description: 'The result of `subscriptionImportStart`.',
    fields: { subscriptionImport: importField },
  }),
  definition: subscriptionImportStart,
  input: SubscriptionImportStartInput,
  description:
    'Start a previewed import: a background job registers its valid rows one by one, each like `subscriptionRegisterExternal` (APPLIED or REFUSED), as you. Starting twice is refused (INVALID_TRANSITION).',
  permission: IMPORT_PERMISSION,
});

defineMutationField('subscriptionImportCancel', {
  payload: mutationPayload('SubscriptionImportCancel', {
    description: 'The result of `subscriptionImportCancel`.',
    fields: { subscriptionImport: importField },
  }),
  definition: subscriptionImportCancel,
  input: SubscriptionImportCancelInput,
  description: 'Stop an import before it completes. Rows already registered stay; rows still waiting become SKIPPED.',
  permission: IMPORT_PERMISSION,
});
