import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { api, unwrap, type Schemas } from '../api/client'
import { Field, FieldErrors } from '../components/Field'
import { number, requiredText, text } from '../components/formData'
import { SaveProblem } from '../components/SaveProblem'
import { ORGANISATIONS, SearchPicker } from '../components/SearchPicker'
import { useSubmit } from '../components/useSubmit'
import { ManagerOnly } from './ManagerOnly'

/** The seven uses of the strategy, one term, in USD (the API's startFromStrategy lines). */
export const STRATEGY_LINES = [
  { code: '1.1', name: 'fund.strategyLine.1_1', planned: '200000.00' },
  { code: '1.2', name: 'fund.strategyLine.1_2', planned: '200000.00' },
  { code: '2.1', name: 'fund.strategyLine.2_1', planned: '80000.00' },
  { code: '2.2', name: 'fund.strategyLine.2_2', planned: '20000.00' },
  { code: '2.3', name: 'fund.strategyLine.2_3', planned: '200000.00' },
  { code: '2.4', name: 'fund.strategyLine.2_4', planned: '200000.00' },
  { code: '3.1', name: 'fund.strategyLine.3_1', planned: '100000.00' },
] as const

/** The secretariat or the fund manager opens a fund: term, target, agent, fee and budget lines (prefilled from the strategy). */
export function NewFundPage() {
  const { t } = useTranslation()
  return (
    <ManagerOnly>
      <h1>{t('fund.newFund.title')}</h1>
      <NewFundForm />
    </ManagerOnly>
  )
}

export function NewFundForm() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { saving, error, submit: save } = useSubmit()
  const [agent, setAgent] = useState<number | null>(null)

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    void save(async () => {
      const created = await api.POST('/api/funds', { body: readFund(form) }).then(unwrap)
      navigate(`/fund/${created.id}/record`)
    })
  }

  return (
    <form className="edit-form" onSubmit={submit} noValidate data-testid="new-fund-form">
      <FieldErrors error={error}>
        <div className="field-row">
          <Field name="code" label={t('fund.newFund.code')} required hint={t('fund.newFund.codeHint')}>
            {(control) => <input {...control} maxLength={50} data-testid="fund-code" />}
          </Field>
          <Field name="name" label={t('fund.newFund.name')} required>
            {(control) => <input {...control} maxLength={300} size={50} data-testid="fund-name" />}
          </Field>
        </div>
        <div className="field-row">
          <Field name="startsOn" label={t('fund.newFund.startsOn')} required>
            {(control) => <input {...control} type="date" data-testid="fund-startsOn" />}
          </Field>
          <Field name="endsOn" label={t('fund.newFund.endsOn')} required>
            {(control) => <input {...control} type="date" data-testid="fund-endsOn" />}
          </Field>
          <Field name="baseCurrency" label={t('fund.newFund.baseCurrency')} hint={t('fund.newFund.baseCurrencyHint')}>
            {(control) => <input {...control} value="USD" readOnly size={4} data-testid="fund-baseCurrency" />}
          </Field>
          <Field name="target" label={t('fund.newFund.target')} required hint={t('fund.field.amountHint')}>
            {(control) => <input {...control} inputMode="decimal" defaultValue="1000000.00" data-testid="fund-target" />}
          </Field>
        </div>
        <div className="field-row">
          <Field name="agentOrganisationId" label={t('fund.newFund.agent')} required hint={t('fund.newFund.agentHint')}>
            {(control) => <SearchPicker control={control} source={ORGANISATIONS} value={agent} onChange={(organisation) => setAgent(organisation?.id ?? null)} testId="fund-agent" />}
          </Field>
          <Field name="agentFeePercent" label={t('fund.newFund.fee')} hint={t('fund.newFund.feeHint')}>
            {(control) => <input {...control} inputMode="decimal" size={6} data-testid="fund-fee" />}
          </Field>
        </div>
        <fieldset className="plain">
          <legend>{t('fund.newFund.budgetLines')}</legend>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('fund.newFund.lineCode')}</th>
                <th scope="col">{t('fund.newFund.lineName')}</th>
                <th scope="col">{t('fund.figure.planned')}</th>
              </tr>
            </thead>
            <tbody>
              {STRATEGY_LINES.map((line, index) => (
                <tr key={line.code} data-testid="fund-line">
                  <td>
                    <Field name={`budgetLines[${index}].code`} label={<span className="visually-hidden">{t('fund.newFund.lineCode')}</span>}>
                      {(control) => <input {...control} defaultValue={line.code} size={5} maxLength={50} />}
                    </Field>
                  </td>
                  <td>
                    <Field name={`budgetLines[${index}].name`} label={<span className="visually-hidden">{t('fund.newFund.lineName')}</span>}>
                      {(control) => <input {...control} defaultValue={t(line.name)} size={60} maxLength={300} />}
                    </Field>
                  </td>
                  <td>
                    <Field name={`budgetLines[${index}].planned`} label={<span className="visually-hidden">{t('fund.figure.planned')}</span>}>
                      {(control) => <input {...control} defaultValue={line.planned} inputMode="decimal" size={12} data-testid={`fund-line-planned-${index}`} />}
                    </Field>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </fieldset>
        <div className="actions">
          <button type="submit" disabled={saving} data-testid="fund-create">
            {saving ? t('fund.newFund.saving') : t('fund.newFund.create')}
          </button>
        </div>
      </FieldErrors>
      <SaveProblem error={error} />
    </form>
  )
}

/** The form as the body of POST /api/funds (the budget lines as edited, not startFromStrategy). */
export function readFund(form: FormData): Schemas['FundInput'] {
  return {
    code: requiredText(form, 'code'),
    name: requiredText(form, 'name'),
    startsOn: requiredText(form, 'startsOn'),
    endsOn: requiredText(form, 'endsOn'),
    target: requiredText(form, 'target'),
    agentOrganisationId: number(form, 'agentOrganisationId') as number,
    agentFeePercent: text(form, 'agentFeePercent'),
    budgetLines: STRATEGY_LINES.map((_, index) => ({
      code: requiredText(form, `budgetLines[${index}].code`),
      name: requiredText(form, `budgetLines[${index}].name`),
      planned: requiredText(form, `budgetLines[${index}].planned`),
    })),
  }
}
