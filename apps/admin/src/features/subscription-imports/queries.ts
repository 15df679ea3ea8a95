/** The bulk import feature's GraphQL reads and writes. */
import { graphql } from '../../graphql';
import type { ResultOf } from '../../graphql';

/** Rows shown on the page; the CSV report has them all. */
export const SUBSCRIPTION_IMPORT_ROWS_SHOWN = 100;

/** While the job works, the page asks for the import this often. */
export const SUBSCRIPTION_IMPORT_POLL_MS = 1000;

export const subscriptionImportQuery = graphql(`
  query SubscriptionImport(
    $id: ID!
    $outcomes: [SubscriptionImportRowOutcome!]
    $rowsFirst: Int!
    $withReport: Boolean!
  ) {
    node(id: $id) {
      ... on SubscriptionImport {
        id
        fileName
        status
        version
        rowCount
        validRowCount
        invalidRowCount
        processedRowCount
        appliedRowCount
        refusedRowCount
        progress
        createdAt
        finishedAt
        customer {
          id
          companyName
        }
        reportCsv @include(if: $withReport)
        rows(first: $rowsFirst, outcomes: $outcomes) {
          totalCount
          nodes {
            id
            rowNumber
            outcome
            cells {
              column
              value
            }
            errors {
              code
              message
              field
            }
            subscription {
              id
            }
          }
        }
      }
    }
  }
`);

export type SubscriptionImportData = NonNullable<ResultOf<typeof subscriptionImportQuery>['node']>;
export type SubscriptionImportRowData = Extract<
  SubscriptionImportData,
  { rows: unknown }
>['rows']['nodes'][number];

export const subscriptionImportPreviewMutation = graphql(`
  mutation SubscriptionImportPreview($input: SubscriptionImportPreviewInput!) {
    subscriptionImportPreview(input: $input) {
      subscriptionImport {
        id
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

export const subscriptionImportStartMutation = graphql(`
  mutation SubscriptionImportStart($input: SubscriptionImportStartInput!) {
    subscriptionImportStart(input: $input) {
      subscriptionImport {
        id
        status
        version
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

export const subscriptionImportCancelMutation = graphql(`
  mutation SubscriptionImportCancel($input: SubscriptionImportCancelInput!) {
    subscriptionImportCancel(input: $input) {
      subscriptionImport {
        id
        status
        version
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

/** The latest imports, to return to one from the new import page. */
export const RECENT_SUBSCRIPTION_IMPORTS = 10;

export const recentSubscriptionImportsQuery = graphql(`
  query RecentSubscriptionImports($first: Int!) {
    subscriptionImports(first: $first) {
      nodes {
        id
        fileName
        status
        rowCount
        createdAt
      }
    }
  }
`);
