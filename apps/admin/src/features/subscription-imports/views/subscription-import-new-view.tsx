/**
 * New import (container): choose a CSV file or paste its text, check it with the domain's schema
 * (an unreadable file is refused before anything is sent), then `subscriptionImportPreview` and on
 * to the import's page. `?customer=<id>`: the file is for that customer.
 */
import {
  EXTERNAL_SUBSCRIPTION_CSV_COLUMNS,
  EXTERNAL_SUBSCRIPTION_CSV_MAX_ROWS,
  EXTERNAL_SUBSCRIPTION_CSV_TEMPLATE,
  parseInput,
  subscriptionImportPreviewInputSchema,
} from '@switchyard/domain';
import { Alert, Button, Card, TextArea } from '@switchyard/ui';
import { useId, useState } from 'react';
import { useQuery } from 'urql';
import { useMutationAllowance } from '../../../app/permissions';
import { navigate, useLocation } from '../../../app/router';
import { FormErrorsAlert } from '../../../components/form-errors-alert';
import { useFormMutation } from '../../../forms/use-form-mutation';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { useI18n } from '../../../i18n/i18n';
import { RecentImports } from '../components/recent-imports';
import {
  RECENT_SUBSCRIPTION_IMPORTS,
  recentSubscriptionImportsQuery,
  subscriptionImportPreviewMutation,
} from '../queries';
import { subscriptionImportUrl } from '../urls';

const TEMPLATE_HREF = `data:text/csv;charset=utf-8,${encodeURIComponent(EXTERNAL_SUBSCRIPTION_CSV_TEMPLATE)}`;
const PASTED_FILE_NAME = 'pasted.csv';

export function SubscriptionImportNewView() {
  const { t } = useI18n();
  useDocumentTitle(t('subscriptionImport.new.title'));
  const fileInputId = useId();
  const customerId = useLocation().searchParams.get('customer') ?? undefined;
  const allowance = useMutationAllowance('subscriptionRegisterExternal');
  const [file, setFile] = useState<{ name: string; text: string } | undefined>();
  const [pasted, setPasted] = useState('');
  const [recent] = useQuery({
    query: recentSubscriptionImportsQuery,
    variables: { first: RECENT_SUBSCRIPTION_IMPORTS },
    requestPolicy: 'cache-and-network',
  });
  const { run, isRunning, errors, setErrors } = useFormMutation(
    subscriptionImportPreviewMutation,
    [],
    (data) => data.subscriptionImportPreview.userErrors,
  );

  async function preview() {
    const csv = file?.text ?? pasted;
    if (csv.trim() === '') {
      setErrors({ fields: {}, form: [t('subscriptionImport.noFile')] });
      return;
    }
    const input = { csv, fileName: file?.name ?? PASTED_FILE_NAME, customerId };
    const checked = parseInput(subscriptionImportPreviewInputSchema, input);
    if (!checked.ok) {
      setErrors({ fields: {}, form: checked.errors.map((error) => error.message) });
      return;
    }
    const result = await run({ input });
    const created = result.data?.subscriptionImportPreview.subscriptionImport;
    if (result.ok && created) navigate(subscriptionImportUrl(created.id));
  }

  return (
    <div className="page page--narrow">
      <div className="page__header">
        <h1 className="page__title">{t('subscriptionImport.new.title')}</h1>
      </div>
      <Card>
        <p>{t('subscriptionImport.new.intro')}</p>
        {customerId && <p>{t('subscriptionImport.new.forCustomer')}</p>}
        <p>
          {t('subscriptionImport.new.limits', {
            rows: EXTERNAL_SUBSCRIPTION_CSV_MAX_ROWS,
            columns: EXTERNAL_SUBSCRIPTION_CSV_COLUMNS.join(', '),
          })}
        </p>
        <p>
          <a href={TEMPLATE_HREF} download="subscriptions-template.csv">
            {t('subscriptionImport.template')}
          </a>
        </p>
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            void preview();
          }}
        >
          <div className="sy-field">
            <label className="sy-field__label" htmlFor={fileInputId}>
              {t('subscriptionImport.file')}
            </label>
            <input
              id={fileInputId}
              type="file"
              accept=".csv,text/csv"
              onChange={(event) => {
                const chosen = event.currentTarget.files?.[0];
                if (!chosen) return setFile(undefined);
                void chosen.text().then((text) => setFile({ name: chosen.name, text }));
              }}
            />
            {file && (
              <p className="sy-field__description">
                {t('subscriptionImport.fileChosen', { fileName: file.name })}
              </p>
            )}
          </div>
          <TextArea
            label={t('subscriptionImport.paste')}
            rows={8}
            value={pasted}
            disabled={file !== undefined}
            onChange={(event) => setPasted(event.currentTarget.value)}
            spellCheck={false}
          />
          <FormErrorsAlert messages={errors.form} />
          {!allowance.isAllowed && <Alert tone="warning">{allowance.reason}</Alert>}
          <div className="form__actions">
            <Button
              type="submit"
              variant="primary"
              isLoading={isRunning}
              disabled={!allowance.isAllowed}
            >
              {t('subscriptionImport.preview')}
            </Button>
          </div>
        </form>
      </Card>
      <Card>
        <RecentImports
          imports={recent.data?.subscriptionImports.nodes}
          isLoading={recent.fetching}
        />
      </Card>
    </div>
  );
}
