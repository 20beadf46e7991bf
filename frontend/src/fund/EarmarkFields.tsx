import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Schemas } from '../api/client'
import { Field } from '../components/Field'
import { number, text } from '../components/formData'
import { itemsOf, useRegions } from '../components/useReference'
import { currentLanguage } from '../i18n'
import type { Earmark, Fund } from './fundApi'

export const EARMARK_KINDS: Schemas['EarmarkKind'][] = ['NONE', 'BUDGET_LINE', 'CLUSTER', 'REGION', 'LOW_INCOME']

/** An earmark (a pledge's or receipt's) or the pool money comes from (an allocation's or refund's source). */
export function EarmarkFields({ name, label, fund }: { name: 'earmark' | 'source'; label: string; fund: Fund }) {
  const { t } = useTranslation()
  const regions = itemsOf(useRegions(currentLanguage()))
  const [kind, setKind] = useState<Schemas['EarmarkKind']>('NONE')
  return (
    <div className="field-row">
      <Field name={`${name}.kind`} label={label}>
        {(control) => (
          <select {...control} value={kind} onChange={(event) => setKind(event.target.value as Schemas['EarmarkKind'])} data-testid={`${name}-kind`}>
            {EARMARK_KINDS.map((value) => (
              <option key={value} value={value}>
                {t(`fund.earmark.${value}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {kind === 'BUDGET_LINE' && <BudgetLineField name={`${name}.budgetLineId`} fund={fund} testId={`${name}-budgetLineId`} />}
      {kind === 'CLUSTER' && (
        <Field name={`${name}.clusterId`} label={t('fund.field.clusterId')} required>
          {(control) => <input {...control} type="number" min={1} data-testid={`${name}-clusterId`} />}
        </Field>
      )}
      {kind === 'REGION' && (
        <Field name={`${name}.region`} label={t('fund.field.region')} required>
          {(control) => (
            <select {...control} data-testid={`${name}-region`}>
              {regions.map((region) => (
                <option key={region.code} value={region.code}>
                  {region.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
    </div>
  )
}

/** A choice of the fund's budget lines. */
export function BudgetLineField({ name, fund, testId }: { name: string; fund: Fund; testId: string }) {
  const { t } = useTranslation()
  return (
    <Field name={name} label={t('fund.field.budgetLine')} required>
      {(control) => (
        <select {...control} data-testid={testId}>
          {fund.budgetLines.map((line) => (
            <option key={line.id} value={line.id}>
              {line.code} {line.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}

/** The earmark the fields above describe; none (null) when unearmarked. */
export function readEarmark(form: FormData, name: 'earmark' | 'source'): Earmark | null {
  const kind = (text(form, `${name}.kind`) ?? 'NONE') as Schemas['EarmarkKind']
  switch (kind) {
    case 'BUDGET_LINE':
      return { kind, budgetLineId: number(form, `${name}.budgetLineId`) }
    case 'CLUSTER':
      return { kind, clusterId: number(form, `${name}.clusterId`) }
    case 'REGION':
      return { kind, region: text(form, `${name}.region`) as Schemas['RegionCode'] | null }
    case 'LOW_INCOME':
      return { kind }
    default:
      return null
  }
}
