/**
 * The transfer wizard (container), for one customer: 1. the kind; 2. the subscriptions, each saying
 * whether it can move and why not (`transferEligibility`, asked for the chosen kind and timing);
 * for a usage migration the new CSP subscription (prefilled from the source), the services to move
 * and whether the source ends; for license items under TERM_END_ONLY the choice to schedule at term
 * end; 3. a review; 4. the outcome. Refusals from `transferCreate` come back on the review step.
 */
import { TRANSFER_KINDS, transferCreateInputSchema } from '@switchyard/domain';
import type { TransferKind } from '@switchyard/domain';
import { Alert, Button, Card, Checkbox, RadioGroup, Select } from '@switchyard/ui';
import { useState } from 'react';
import { useQuery } from 'urql';
import { isNotFoundError, LoadFailed, Loading } from '../../../app/load-state';
import { Link, useLocation } from '../../../app/router';
import { FormErrorsAlert } from '../../../components/form-errors-alert';
import { useFormMutation } from '../../../forms/use-form-mutation';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { useI18n } from '../../../i18n/i18n';
import { customerUrl } from '../../customers/urls';
import { EligibilityExplanation } from '../components/eligibility-explanation';
import { transferCandidatesQuery, transferCreateMutation, usageOffersQuery } from '../queries';
import type { TransferCandidate } from '../queries';
import { transferUrl } from '../urls';

type Step = 'kind' | 'subscriptions' | 'review' | 'outcome';
const FIELDS = [
  'subscriptionIds',
  'serviceIds',
  'newSubscription',
  'cancelSource',
  'effective',
] as const;

/** The kind a subscription naturally moves by, to preselect it when the wizard starts from one. */
function naturalKind(
  subscription: Pick<TransferCandidate, 'channel' | 'billingModel'>,
): TransferKind | undefined {
  if (subscription.channel === 'SYNDICATION') return undefined;
  if (subscription.channel === 'CSP') return 'PARTNER_SWITCH';
  return subscription.billingModel === 'USAGE_BASED' ? 'USAGE_MIGRATION' : 'LICENSE_TRANSITION';
}

export function TransferWizardView({ customerId }: { customerId: string }) {
  const { t, formatDate } = useI18n();
  const { searchParams } = useLocation();
  const startingSubscription = searchParams.get('subscription');
  const [step, setStep] = useState<Step>('kind');
  const [kind, setKind] = useState<TransferKind | undefined>();
  const [isAtTermEnd, setIsAtTermEnd] = useState(false);
  const [selected, setSelected] = useState<string[]>(
    startingSubscription ? [startingSubscription] : [],
  );
  const [serviceIds, setServiceIds] = useState<string[] | undefined>();
  const [cancelSource, setCancelSource] = useState<'SERVICES' | 'ENTIRE'>('SERVICES');
  const [newSubscription, setNewSubscription] = useState<
    { offerId: string; term: string; billingCycle: string } | undefined
  >();
  const [outcome, setOutcome] = useState<{
    id: string;
    status: string;
    effectiveAt: string | null;
  } | null>(null);
  useDocumentTitle(t('transferWizard.title'));

  const [{ data, fetching, error }, reexecute] = useQuery({
    query: transferCandidatesQuery,
    variables: {
      customerId,
      kind: kind ?? null,
      effective: kind === 'PARTNER_SWITCH' && isAtTermEnd ? 'AT_TERM_END' : null,
    },
    requestPolicy: 'cache-and-network',
  });
  const [{ data: usageOffers }] = useQuery({
    query: usageOffersQuery,
    pause: kind !== 'USAGE_MIGRATION',
  });
  const create = useFormMutation(
    transferCreateMutation,
    FIELDS,
    (d) => d.transferCreate.userErrors,
  );

  const customer = data?.customer;
  const candidates = customer?.subscriptions.nodes ?? [];
  const chosen = candidates.filter((candidate) => selected.includes(candidate.id));
  const source = kind === 'USAGE_MIGRATION' ? chosen[0] : undefined;
  const sourceServices = source?.services.filter((service) => service.status === 'ACTIVE') ?? [];
  const movingServices = serviceIds ?? sourceServices.map((service) => service.id);
  const newSub = newSubscription ?? {
    offerId: source?.offer.id ?? '',
    term: source?.term ?? 'P1M',
    billingCycle: source?.billingCycle ?? 'MONTHLY',
  };
  const hasTermEndRefusal = candidates.some((candidate) =>
    candidate.transferEligibility.reasons.some(
      (reason) => reason.code === 'LICENSE_TERM_NOT_ENDED',
    ),
  );

  if (!customer) {
    if (fetching) return <Loading label="transferWizard.loading" />;
    if (data?.customer === null || isNotFoundError(error))
      return <Alert tone="warning" title={t('customer.notFound')} />;
    return (
      <LoadFailed
        title="transferWizard.loadFailed"
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
      />
    );
  }

  if (step === 'kind' && kind === undefined && startingSubscription) {
    const starting = candidates.find((candidate) => candidate.id === startingSubscription);
    const natural = starting ? naturalKind(starting) : undefined;
    if (natural) setKind(natural);
  }

  function input() {
    const base = { kind: kind as TransferKind, customerId, subscriptionIds: selected };
    if (kind === 'PARTNER_SWITCH')
      return {
        ...base,
        effective: isAtTermEnd ? ('AT_TERM_END' as const) : ('IMMEDIATELY' as const),
      };
    if (kind === 'USAGE_MIGRATION')
      return {
        ...base,
        newSubscription: {
          offerId: newSub.offerId,
          term: newSub.term as 'P1M',
          billingCycle: newSub.billingCycle as 'MONTHLY',
          autoRenew: true,
        },
        serviceIds: movingServices,
        cancelSource,
      };
    return base;
  }

  async function submit() {
    const values = input();
    const validation = transferCreateInputSchema.safeParse(values);
    if (!validation.success) {
      create.setErrors({ fields: {}, form: validation.error.issues.map((issue) => issue.message) });
      return;
    }
    const result = await create.run({ input: values });
    const transfer = result.data?.transferCreate.transfer;
    if (result.ok && transfer) {
      setOutcome({
        id: transfer.id,
        status: transfer.status,
        effectiveAt: transfer.effectiveAt ?? null,
      });
      setStep('outcome');
    }
  }

  const toggle = (id: string, isChecked: boolean) => {
    if (kind === 'USAGE_MIGRATION') {
      setSelected(isChecked ? [id] : []);
      setServiceIds(undefined);
      setNewSubscription(undefined);
    } else
      setSelected((current) =>
        isChecked ? [...current, id] : current.filter((item) => item !== id),
      );
  };
  const canContinue =
    chosen.length > 0 &&
    chosen.every((candidate) => candidate.transferEligibility.eligible) &&
    (kind !== 'USAGE_MIGRATION' || movingServices.length > 0);

  return (
    <div className="page">
      <p className="page__back">
        <Link to={customerUrl(customerId)}>
          <span aria-hidden="true">← </span>
          {customer.companyName}
        </Link>
      </p>
      <div className="page__header">
        <h1 className="page__title">{t('transferWizard.title')}</h1>
      </div>
      <ol className="wizard-steps" aria-label={t('transferWizard.steps')}>
        {(['kind', 'subscriptions', 'review', 'outcome'] as const).map((name) => (
          <li key={name} aria-current={step === name ? 'step' : undefined}>
            {t(`transferWizard.step.${name}`)}
          </li>
        ))}
      </ol>

      {step === 'kind' && (
        <Card title={t('transferWizard.step.kind')}>
          <RadioGroup
            legend={t('transferWizard.kind')}
            name="kind"
            value={kind}
            onChange={(value) => {
              setKind(value as TransferKind);
              setSelected(startingSubscription ? [startingSubscription] : []);
            }}
            options={TRANSFER_KINDS.map((value) => ({
              value,
              label: t(`transferKind.${value}`),
              description: t(`transferKind.${value}.description`),
            }))}
          />
          <div className="form__actions">
            <Button variant="primary" disabled={!kind} onClick={() => setStep('subscriptions')}>
              {t('wizard.next')}
            </Button>
          </div>
        </Card>
      )}

      {step === 'subscriptions' && kind && (
        <Card title={t('transferWizard.step.subscriptions')}>
          {kind === 'PARTNER_SWITCH' && (hasTermEndRefusal || isAtTermEnd) && (
            <RadioGroup
              legend={t('transferWizard.effective')}
              name="effective"
              value={isAtTermEnd ? 'AT_TERM_END' : 'IMMEDIATELY'}
              onChange={(value) => setIsAtTermEnd(value === 'AT_TERM_END')}
              options={[
                { value: 'IMMEDIATELY', label: t('transferEffective.IMMEDIATELY') },
                {
                  value: 'AT_TERM_END',
                  label: t('transferEffective.AT_TERM_END'),
                  description: t('transferEffective.AT_TERM_END.description'),
                },
              ]}
            />
          )}
          {candidates.length === 0 ? (
            <p className="empty-note">{t('transferWizard.noSubscriptions')}</p>
          ) : (
            <ul className="candidate-list" aria-busy={fetching || undefined}>
              {candidates.map((candidate) => {
                const explanationId = `eligibility-${candidate.id}`;
                return (
                  <li key={candidate.id} className="candidate">
                    <Checkbox
                      label={`${candidate.offer.name} · ${t(`channel.${candidate.channel}`)}${candidate.seller ? ` · ${candidate.seller.name}` : ''}`}
                      description={
                        candidate.termEndDate
                          ? t('transferWizard.termEnds', {
                              date: formatDate(candidate.termEndDate),
                            })
                          : undefined
                      }
                      checked={selected.includes(candidate.id)}
                      disabled={
                        !candidate.transferEligibility.eligible && !selected.includes(candidate.id)
                      }
                      aria-describedby={explanationId}
                      onChange={(event) => toggle(candidate.id, event.target.checked)}
                    />
                    <EligibilityExplanation
                      id={explanationId}
                      eligibility={candidate.transferEligibility}
                    />
                  </li>
                );
              })}
            </ul>
          )}
          {source && (
            <fieldset className="wizard-fieldset">
              <legend>{t('transferWizard.newSubscription')}</legend>
              <Select
                label={t('subscriptionForm.offer')}
                value={newSub.offerId}
                options={[
                  ...(usageOffers?.offers.nodes ?? []).map((offer) => ({
                    value: offer.id,
                    label: offer.name,
                  })),
                  ...(usageOffers?.offers.nodes.some((offer) => offer.id === source.offer.id)
                    ? []
                    : [{ value: source.offer.id, label: source.offer.name }]),
                ]}
                onChange={(event) => setNewSubscription({ ...newSub, offerId: event.target.value })}
              />
              <Select
                label={t('subscriptionForm.term')}
                value={newSub.term}
                options={['P1M', 'P1Y', 'P3Y'].map((term) => ({
                  value: term,
                  label: t(`term.${term as 'P1M'}`),
                }))}
                onChange={(event) => setNewSubscription({ ...newSub, term: event.target.value })}
              />
              <Select
                label={t('subscriptionForm.billingCycle')}
                value={newSub.billingCycle}
                options={['MONTHLY', 'ANNUAL', 'TRIENNIAL'].map((cycle) => ({
                  value: cycle,
                  label: t(`billingCycle.${cycle as 'MONTHLY'}`),
                }))}
                onChange={(event) =>
                  setNewSubscription({ ...newSub, billingCycle: event.target.value })
                }
              />
              <fieldset className="sy-radio-group">
                <legend className="sy-field__label">{t('transferWizard.services')}</legend>
                {sourceServices.map((service) => (
                  <Checkbox
                    key={service.id}
                    label={service.name}
                    checked={movingServices.includes(service.id)}
                    onChange={(event) =>
                      setServiceIds(
                        event.target.checked
                          ? [...movingServices, service.id]
                          : movingServices.filter((id) => id !== service.id),
                      )
                    }
                  />
                ))}
              </fieldset>
              <RadioGroup
                legend={t('transferWizard.cancelSource')}
                name="cancelSource"
                value={cancelSource}
                onChange={(value) => setCancelSource(value as 'SERVICES' | 'ENTIRE')}
                options={[
                  {
                    value: 'SERVICES',
                    label: t('cancelSource.SERVICES'),
                    description: t('cancelSource.SERVICES.description'),
                  },
                  {
                    value: 'ENTIRE',
                    label: t('cancelSource.ENTIRE'),
                    description: t('cancelSource.ENTIRE.description'),
                  },
                ]}
              />
            </fieldset>
          )}
          <div className="form__actions">
            <Button onClick={() => setStep('kind')}>{t('wizard.back')}</Button>
            <Button variant="primary" disabled={!canContinue} onClick={() => setStep('review')}>
              {t('wizard.next')}
            </Button>
          </div>
        </Card>
      )}

      {step === 'review' && kind && (
        <Card title={t('transferWizard.step.review')}>
          <dl className="properties">
            <div>
              <dt>{t('transferWizard.kind')}</dt>
              <dd>{t(`transferKind.${kind}`)}</dd>
            </div>
            <div>
              <dt>{t('transferWizard.customer')}</dt>
              <dd>{customer.companyName}</dd>
            </div>
            {kind === 'PARTNER_SWITCH' && (
              <div>
                <dt>{t('transferWizard.effective')}</dt>
                <dd>{t(`transferEffective.${isAtTermEnd ? 'AT_TERM_END' : 'IMMEDIATELY'}`)}</dd>
              </div>
            )}
            {kind === 'USAGE_MIGRATION' && (
              <div>
                <dt>{t('transferWizard.cancelSource')}</dt>
                <dd>{t(`cancelSource.${cancelSource}`)}</dd>
              </div>
            )}
          </dl>
          <ul>
            {chosen.map((candidate) => (
              <li key={candidate.id}>
                {candidate.offer.name}
                {candidate.transferEligibility.scheduleAt &&
                  ` — ${t('eligibility.scheduleAt', { date: formatDate(candidate.transferEligibility.scheduleAt) })}`}
              </li>
            ))}
          </ul>
          {kind === 'USAGE_MIGRATION' && (
            <p>{t('transferWizard.servicesMoving', { count: movingServices.length })}</p>
          )}
          <FormErrorsAlert
            messages={[
              ...create.errors.form,
              ...Object.values(create.errors.fields).filter((m): m is string => Boolean(m)),
            ]}
          />
          <div className="form__actions">
            <Button onClick={() => setStep('subscriptions')}>{t('wizard.back')}</Button>
            <Button variant="primary" isLoading={create.isRunning} onClick={() => void submit()}>
              {t('transferWizard.submit')}
            </Button>
          </div>
        </Card>
      )}

      {step === 'outcome' && outcome && (
        <Alert
          tone="success"
          title={t(`transferWizard.outcome.${outcome.status as 'PENDING'}`)}
          actions={<Link to={transferUrl(outcome.id)}>{t('transferWizard.viewTransfer')}</Link>}
        >
          {outcome.effectiveAt && (
            <p>{t('transferWizard.effectiveAt', { date: formatDate(outcome.effectiveAt) })}</p>
          )}
        </Alert>
      )}
    </div>
  );
}
